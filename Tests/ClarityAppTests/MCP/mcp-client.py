"""An independent MCP client for the tests: the `mcp` package from PyPI drives `clarity-report mcp` over stdio.

Usage: mcp-client.py BINARY STORE SCRIPT.json OUT.json

SCRIPT.json holds {"calls": [...], "loop": {...}}. Each call is one of
  {"list": "tools" | "resources" | "prompts"}
  {"tool": NAME, "arguments": {...}}
  {"resource": URI}
  {"prompt": NAME, "arguments": {...}}
and its answer is written to OUT.json, in order, as {"ok": true, ...} or {"ok": false, "code": N, "message": TEXT}.
With "loop": {"calls": [...], "ready": PATH, "stop": PATH, "rounds": N}, the client runs the loop's calls round after
round, writes the ready file after the first round, and stops after the first round begun once the stop file exists
(at most N rounds), adding every answer.
"""
import asyncio
import json
import os
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.shared.exceptions import McpError


async def answer(session, call):
    try:
        if "list" in call:
            kind = call["list"]
            if kind == "tools":
                result = await session.list_tools()
                return {"ok": True, "tools": [{"name": t.name, "description": t.description, "inputSchema": t.inputSchema,
                                               "readOnly": bool(t.annotations and t.annotations.readOnlyHint)} for t in result.tools]}
            if kind == "resources":
                result = await session.list_resources()
                return {"ok": True, "resources": [{"uri": str(r.uri), "name": r.name, "description": r.description,
                                                   "mimeType": r.mimeType} for r in result.resources]}
            result = await session.list_prompts()
            return {"ok": True, "prompts": [{"name": p.name, "description": p.description} for p in result.prompts]}
        if "tool" in call:
            result = await session.call_tool(call["tool"], call.get("arguments") or {})
            texts = [c.text for c in result.content if c.type == "text"]
            return {"ok": not result.isError, "structured": result.structuredContent, "texts": texts}
        if "resource" in call:
            result = await session.read_resource(call["resource"])
            return {"ok": True, "contents": [{"uri": str(c.uri), "mimeType": c.mimeType, "text": c.text} for c in result.contents]}
        result = await session.get_prompt(call["prompt"], call.get("arguments") or {})
        return {"ok": True, "description": result.description,
                "messages": [{"role": m.role, "text": m.content.text} for m in result.messages]}
    except McpError as error:
        return {"ok": False, "code": error.error.code, "message": error.error.message}


async def main(binary, store, script_path, out_path):
    with open(script_path, encoding="utf-8") as file:
        script = json.load(file)
    parameters = StdioServerParameters(command=binary, args=["mcp", "--store", store],
                                       env={"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/tmp")})
    answers = []
    async with stdio_client(parameters) as (read, write):
        async with ClientSession(read, write) as session:
            initialized = await session.initialize()
            answers.append({"ok": True, "server": initialized.serverInfo.name, "instructions": initialized.instructions})
            for call in script.get("calls", []):
                answers.append(await answer(session, call))
            loop = script.get("loop")
            if loop:
                for round in range(loop.get("rounds", 200)):
                    stopping = os.path.exists(loop["stop"])
                    for call in loop["calls"]:
                        answers.append(await answer(session, call))
                    if round == 0:
                        with open(loop["ready"], "w", encoding="utf-8") as file:
                            file.write("ready\n")
                    if stopping:
                        break
    with open(out_path, "w", encoding="utf-8") as file:
        json.dump(answers, file)


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:5]))
