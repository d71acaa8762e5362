// Generated from templates/ by `make templates`; edit the files there, not this one.
// BuiltInTemplatesTests fails when this file is stale.
// The literals hold the templates' bytes exactly as the files have them, so swift-format leaves this file alone:
// swift-format-ignore-file

/// The default report templates compiled into the binary, keyed by their path under `templates/`.
enum BuiltInTemplates {
    static let files: [(path: String, text: String)] = [
        ("monthly-email.html.mustache", #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<title>{{project.name}}: executive summary, {{period.title}}</title>
</head>
<body style="margin:0;padding:0;background:#F3F4F6;">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;font-size:1px;line-height:1px;color:#F3F4F6;">{{summary}}</div>
{{> partials/sheet-start.html}}
<tr><td style="padding:24px 16px 8px;">
<p style="margin:0;font-size:12px;line-height:16px;letter-spacing:0.04em;text-transform:uppercase;color:#6B7280;">{{project.name}} · executive summary · {{period.label}}</p>
<h1 style="margin:4px 0 8px;font-size:24px;line-height:30px;color:#111827;">{{period.title}}</h1>
<p style="margin:0 0 8px;font-size:17px;line-height:24px;font-weight:600;color:#111827;">{{summary}}</p>
<p style="margin:0 0 4px;font-size:13px;line-height:19px;color:#4B5563;">The full summary, with its charts, is attached as {{attachmentName}} (one or two printable pages).</p>
</td></tr>
<tr><td style="padding:0 16px;">
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">Headline figures</h2>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;">
<tr>
<th align="left" style="padding:6px 8px;font-size:12px;color:#4B5563;background:#F3F4F6;font-weight:600;">Figure</th>
<th align="right" style="padding:6px 8px;font-size:12px;color:#4B5563;background:#F3F4F6;font-weight:600;">{{period.title}}</th>
<th align="right" style="padding:6px 8px;font-size:12px;color:#4B5563;background:#F3F4F6;font-weight:600;">Change</th>
</tr>
{{#headline}}
<tr>
<td style="padding:6px 8px;border-bottom:1px solid #E5E7EB;font-size:14px;line-height:18px;">{{kpi.label}}{{#hasYearAgo}}<br><span style="font-size:11px;color:#6B7280;">a year earlier {{#yearAgo}}{{previousText}}{{/yearAgo}}{{^yearAgo}}n/a{{/yearAgo}}</span>{{/hasYearAgo}}</td>
<td align="right" style="padding:6px 8px;border-bottom:1px solid #E5E7EB;font-size:15px;font-weight:600;white-space:nowrap;">{{kpi.currentText}}</td>
<td align="right" style="padding:6px 8px;border-bottom:1px solid #E5E7EB;font-size:13px;color:{{kpi.toneColor}};"><span style="font-weight:700;">{{kpi.arrow}} {{kpi.changeText}}</span>{{#kpi.comparedPerDay}} per day{{/kpi.comparedPerDay}}<br><span style="font-size:11px;color:#6B7280;">{{plainVerdict}}</span></td>
</tr>
{{/headline}}
</table>
</td></tr>
<tr><td style="padding:8px 16px;">
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">What went well</h2>
<ul style="margin:0 0 8px;padding-left:20px;font-size:14px;line-height:20px;">{{#wins}}<li style="margin-bottom:6px;">{{sentence}}</li>{{/wins}}{{^wins}}<li>Nothing improved beyond the usual month-to-month variation.</li>{{/wins}}</ul>
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">What needs attention</h2>
<ul style="margin:0 0 8px;padding-left:20px;font-size:14px;line-height:20px;">{{#issues}}<li style="margin-bottom:6px;">{{sentence}}</li>{{/issues}}{{^issues}}<li>Nothing worsened beyond the usual month-to-month variation.</li>{{/issues}}</ul>
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">Releases</h2>
<ul style="margin:0 0 8px;padding-left:20px;font-size:14px;line-height:20px;">{{#releases}}<li style="margin-bottom:6px;"><strong>{{release.version}}</strong> ({{dayText}}){{#release.note}}, {{release.note}}{{/release.note}}: {{effect}}</li>{{/releases}}{{^releases}}<li>No release recorded this month.</li>{{/releases}}</ul>
</td></tr>
<tr><td style="padding:8px 16px 24px;">
<p style="margin:0;font-size:11px;line-height:16px;color:#6B7280;">{{coverageNote}} Made by clarity-report from Microsoft Clarity Data Export figures (UTC days). Rates are shares of sessions; time is weighted by sessions; users per day is a daily mean.</p>
</td></tr>
{{> partials/sheet-end.html}}
</body>
</html>

"""#),
        ("monthly-email.txt.mustache", #"""
{{% CONTENT_TYPE: PLAIN }}
{{project.name}}: executive summary, {{period.title}}

{{summary}}

The full summary, with its charts, is attached as {{attachmentName}}.

HEADLINE FIGURES
{{#headline}}
* {{kpi.label}}: {{kpi.currentText}}, {{kpi.arrow}} {{kpi.changeText}}{{#kpi.comparedPerDay}} per day{{/kpi.comparedPerDay}} ({{plainVerdict}}){{#hasYearAgo}}; a year earlier {{#yearAgo}}{{previousText}}{{/yearAgo}}{{^yearAgo}}n/a{{/yearAgo}}{{/hasYearAgo}}
{{/headline}}

WHAT WENT WELL
{{#wins}}
* {{sentence}}
{{/wins}}
{{^wins}}
Nothing improved beyond the usual month-to-month variation.
{{/wins}}

WHAT NEEDS ATTENTION
{{#issues}}
* {{sentence}}
{{/issues}}
{{^issues}}
Nothing worsened beyond the usual month-to-month variation.
{{/issues}}

RELEASES
{{#releases}}
* {{release.version}} ({{dayText}}){{#release.note}}, {{release.note}}{{/release.note}}: {{effect}}
{{/releases}}
{{^releases}}
No release recorded this month.
{{/releases}}

{{coverageNote}}
Made by clarity-report from Microsoft Clarity Data Export figures (UTC days).

"""#),
        ("monthly.html.mustache", #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{project.name}}: executive summary, {{period.title}}</title>
<style>
body { margin: 0; background: #F3F4F6; color: #1F2937; font-family: -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; }
.page { max-width: 760px; margin: 0 auto; background: #FFFFFF; padding: 28px 32px; }
h1 { font-size: 26px; line-height: 32px; margin: 4px 0 6px; color: #111827; }
.summary { font-size: 17px; line-height: 24px; font-weight: 600; color: #111827; margin: 0 0 8px; }
h2 { font-size: 18px; line-height: 24px; margin: 0 0 10px; color: #111827; }
.eyebrow { font-size: 12px; letter-spacing: 0.04em; text-transform: uppercase; color: #6B7280; margin: 0; }
.note { font-size: 13px; line-height: 19px; color: #4B5563; margin: 0 0 16px; }
.cards { width: 100%; border-collapse: separate; border-spacing: 8px; margin: 0 -8px; }
.card { width: 33%; vertical-align: top; border: 1px solid #E5E7EB; padding: 10px 12px; }
.card .label { font-size: 12px; color: #4B5563; }
.card .value { font-size: 22px; font-weight: 700; margin: 2px 0; }
.card .change { font-size: 13px; font-weight: 600; }
.card .verdict { font-size: 11px; color: #6B7280; }
.columns { width: 100%; border-collapse: collapse; }
.columns td { width: 50%; vertical-align: top; padding: 0 8px 0 0; }
ul { margin: 0 0 12px; padding-left: 20px; } li { font-size: 14px; line-height: 20px; margin-bottom: 6px; }
section { margin: 22px 0 0; }
svg { max-width: 100%; height: auto; }
.chart-phone { display: none; }
/* Phones: one column of wins and issues, and tables keep their first four columns (the rest stay in the Markdown). */
@media screen and (max-width: 620px) {
  .page { padding: 18px 14px; }
  .columns td { display: block; width: auto; padding: 0; }
  .detail table tr > :nth-child(n+5), .audience table tr > :nth-child(n+5) { display: none; }
  .detail td, .detail th, .audience td, .audience th { white-space: normal; }
  .detail td, .audience td { overflow-wrap: anywhere; }
  .chart-wide { display: none; }
  .chart-phone { display: block; }
  .chart-phone svg { width: 100%; height: auto; }
}
@page { margin: 12mm 14mm 16mm;
  @bottom-left { content: "Microsoft Clarity figures, UTC days; rates are shares of sessions"; font-size: 8pt; color: #6B7280; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; color: #6B7280; } }
@media print {
  body { background: #FFFFFF; }
  .page { max-width: none; padding: 0; }
  section { break-inside: avoid; page-break-inside: avoid; }
  svg, table, .card { break-inside: avoid; page-break-inside: avoid; }
  /* Two printed pages at most: the charts keep their proportions inside a shorter box. */
  .trend svg { width: 100%; height: 64mm; }
  .segments svg { width: 100%; height: 56mm; }
  /* On paper the chart carries the segments (rate against the site's); the table stays on screen and in the Markdown. */
  .segments .detail { display: none; }
  /* Pages and acquisition tables are for the screen and the Markdown; the printed summary stays within two pages. */
  .audience { display: none; }
  section { margin-top: 14px; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<div class="page">
<section>
<p class="eyebrow">{{project.name}} · executive summary · {{period.label}}</p>
<h1>{{period.title}}</h1>
<p class="summary">{{summary}}</p>
<p class="note">{{coverageNote}}</p>
<table class="cards" role="presentation">
{{#headlineRows}}
<tr>
{{#cards}}
<td class="card">
<div class="label">{{kpi.label}}</div>
<div class="value">{{kpi.currentText}}</div>
<div class="change" style="color:{{kpi.toneColor}};">{{kpi.arrow}} {{kpi.changeText}}{{#kpi.comparedPerDay}} per day{{/kpi.comparedPerDay}}</div>
<div class="verdict">{{plainVerdict}}{{#hasYearAgo}} · a year earlier {{#yearAgo}}{{previousText}}{{/yearAgo}}{{^yearAgo}}n/a{{/yearAgo}}{{/hasYearAgo}}</div>
<div>{{{kpi.sparkline}}}</div>
</td>
{{/cards}}
</tr>
{{/headlineRows}}
</table>
</section>
<section>
<table class="columns" role="presentation"><tr>
<td><h2>Wins</h2>
<ul>{{#wins}}<li>{{sentence}}</li>{{/wins}}{{^wins}}<li>No figure improved beyond normal month-to-month noise.</li>{{/wins}}</ul></td>
<td><h2>Issues</h2>
<ul>{{#issues}}<li>{{sentence}}</li>{{/issues}}{{^issues}}<li>No figure worsened beyond normal month-to-month noise.</li>{{/issues}}</ul></td>
</tr></table>
</section>
<section>
<h2>Releases</h2>
{{{sections.releases}}}
</section>
<section class="trend">
<h2>Weekly trend: sessions</h2>
<div class="chart-wide">{{{charts.sessions}}}</div>
<div class="chart-phone">{{{phoneCharts.sessions}}}</div>
</section>
<section class="trend">
<h2>Weekly trend: frustration signals</h2>
<div class="chart-wide">{{{charts.frustration}}}</div>
<div class="chart-phone">{{{phoneCharts.frustration}}}</div>
</section>
<section class="segments">
<h2>Top frustration segments</h2>
<div class="chart-wide">{{{charts.segments}}}</div>
<div class="chart-phone">{{{phoneCharts.segments}}}</div>
<div class="detail">{{{sections.segments}}}</div>
</section>
<section class="audience"><h2>Pages</h2>{{{sections.pages}}}</section>
<section class="audience"><h2>Acquisition</h2>{{{sections.acquisition}}}</section>
<p class="note" style="margin-top:24px;">Made by clarity-report from Microsoft Clarity Data Export figures (UTC days). Rates are shares of sessions; time is weighted by sessions; users per day is a daily mean. Counts are compared per covered day when months differ in length or coverage.</p>
</div>
</body>
</html>

"""#),
        ("monthly.md.mustache", #"""
{{% CONTENT_TYPE: MARKDOWN }}
# {{project.name}}: executive summary, {{{period.title}}}

**{{summary}}**

{{coverageNote}}

## Headline figures

| Figure | {{{period.title}}} | Change on {{{previousPeriod.title}}} | Verdict |{{#hasYearAgo}} A year earlier |{{/hasYearAgo}}
|:--|--:|--:|:--|{{#hasYearAgo}}--:|{{/hasYearAgo}}
{{#headline}}
| {{kpi.label}} | {{{kpi.currentText}}} | {{{kpi.arrow}}} {{{kpi.changeText}}}{{#kpi.comparedPerDay}} per day{{/kpi.comparedPerDay}} | {{plainVerdict}} |{{#hasYearAgo}} {{#yearAgo}}{{{previousText}}} ({{{changeText}}}){{/yearAgo}}{{^yearAgo}}n/a{{/yearAgo}} |{{/hasYearAgo}}
{{/headline}}

## Wins

{{#wins}}
- {{sentence}}
{{/wins}}
{{^wins}}
No figure improved beyond normal month-to-month noise.
{{/wins}}

## Issues

{{#issues}}
- {{sentence}}
{{/issues}}
{{^issues}}
No figure worsened beyond normal month-to-month noise.
{{/issues}}

## Releases

{{> partials/monthly-releases.md}}

## Top frustration segments

{{> partials/weekly-segments.md}}

## Pages

{{> partials/pages.md}}

## Acquisition

{{> partials/acquisition.md}}

## All figures

| Figure | This month | Last month | Change | Verdict |
|:--|--:|--:|--:|:--|
{{#kpis}}
| {{label}} | {{{currentText}}} | {{{previousText}}} | {{{arrow}}} {{{changeText}}}{{#comparedPerDay}} per day{{/comparedPerDay}} | {{plainVerdict}} |
{{/kpis}}

"""#),
        ("partials/acquisition.md.mustache", #"""
{{% CONTENT_TYPE: MARKDOWN }}
{{#acquisition}}
{{#tables}}

{{#hasQuality}}
| {{title}} | Sessions | Share | Change | Active time | Quick backs | Worst signal |
|:--|--:|--:|:--|--:|--:|:--|
{{#rows}}
| {{label}} | {{{sessionsText}}} | {{{shareText}}} | {{{changeText}}} {{{verdictText}}}{{#change.comparedPerDay}}, per day{{/change.comparedPerDay}} | {{{activeTimeText}}} | {{{quickbackText}}} | {{{worstSignalText}}} |
{{/rows}}
{{/hasQuality}}
{{^hasQuality}}
| {{title}} | Sessions | Share | Change |
|:--|--:|--:|:--|
{{#rows}}
| {{label}} | {{{sessionsText}}} | {{{shareText}}} | {{{changeText}}} {{{verdictText}}}{{#change.comparedPerDay}}, per day{{/change.comparedPerDay}} |
{{/rows}}
{{/hasQuality}}

{{#rising}}
- Rising: {{label}}, {{{changeText}}}{{#change.comparedPerDay}} per day{{/change.comparedPerDay}} ({{{previousSessionsText}}} to {{{sessionsText}}} sessions)
{{/rising}}
{{#falling}}
- Falling: {{label}}, {{{changeText}}}{{#change.comparedPerDay}} per day{{/change.comparedPerDay}} ({{{previousSessionsText}}} to {{{sessionsText}}} sessions)
{{/falling}}
{{/tables}}
{{#missingText}}

No {{{missingText}}} breakdown for this period.
{{/missingText}}
{{/acquisition}}

"""#),
        ("partials/audience.txt.mustache", #"""
{{% CONTENT_TYPE: PLAIN }}
{{#pages.table}}
{{^isEmpty}}

PAGES (top 5 by sessions: share, change)
{{#rows}}
{{label}}: {{sessionsText}} ({{shareText}}){{#changeText}}, {{changeText}} {{verdictText}}{{/changeText}}
{{/rows}}
{{/isEmpty}}
{{/pages.table}}
{{#acquisition.tables}}

{{title}} (top 5 by sessions: share, change)
{{#rows}}
{{label}}: {{sessionsText}} ({{shareText}}){{#changeText}}, {{changeText}} {{verdictText}}{{/changeText}}
{{/rows}}
{{/acquisition.tables}}

"""#),
        ("partials/email-chart.html.mustache", #"""
{{! One chart of the weekly email: its PNG, attached inline and named by its Content-ID. No newline at the end: it stands inside a line. }}
<img src="cid:{{contentID}}" width="{{width}}" height="{{height}}" alt="{{alt}}" style="display:block;width:100%;max-width:{{width}}px;height:auto;border:0;margin:0 0 12px;">
"""#),
        ("partials/monthly-releases.md.mustache", #"""
{{% CONTENT_TYPE: MARKDOWN }}
{{#releases}}
- **{{release.version}}** ({{{dayText}}}){{#release.note}}, {{release.note}}{{/release.note}}: {{effect}}
{{/releases}}
{{^releases}}
No release recorded this month.
{{/releases}}

"""#),
        ("partials/pages.md.mustache", #"""
{{% CONTENT_TYPE: MARKDOWN }}
{{#pages}}
{{#table}}
{{^isEmpty}}
Pages by sessions, against the {{{previousLabel}}}.{{#groupingText}} {{{groupingText}}}{{/groupingText}}

| Page | Sessions | Share | Change | Active time | Scroll depth | Worst signal |
|:--|--:|--:|:--|--:|--:|:--|
{{#rows}}
| {{label}} | {{{sessionsText}}} | {{{shareText}}} | {{{changeText}}} {{{verdictText}}}{{#change.comparedPerDay}}, per day{{/change.comparedPerDay}} | {{{activeTimeText}}} | {{{scrollDepthText}}} | {{{worstSignalText}}} |
{{/rows}}

{{#rising}}
- Rising: {{label}}, {{{changeText}}}{{#change.comparedPerDay}} per day{{/change.comparedPerDay}} ({{{previousSessionsText}}} to {{{sessionsText}}} sessions), {{{verdictText}}}
{{/rising}}
{{#falling}}
- Falling: {{label}}, {{{changeText}}}{{#change.comparedPerDay}} per day{{/change.comparedPerDay}} ({{{previousSessionsText}}} to {{{sessionsText}}} sessions), {{{verdictText}}}
{{/falling}}
{{/isEmpty}}
{{#isEmpty}}
The store holds no URL breakdown for this period.
{{/isEmpty}}
{{/table}}
{{#newPages}}
- New: {{label}}, {{{sessionsText}}} sessions ({{{shareText}}}), absent from the 4 periods before
{{/newPages}}
{{#titles}}
{{^isEmpty}}

Page titles Clarity lists (it does not say which URL carries which title):

| Page title | Sessions | Share | Change |
|:--|--:|--:|:--|
{{#rows}}
| {{label}} | {{{sessionsText}}} | {{{shareText}}} | {{{changeText}}} {{{verdictText}}}{{#change.comparedPerDay}}, per day{{/change.comparedPerDay}} |
{{/rows}}
{{/isEmpty}}
{{/titles}}
{{/pages}}

"""#),
        ("partials/sheet-end.html.mustache", #"""
</table>
</td></tr>
</table>

"""#),
        ("partials/sheet-start.html.mustache", #"""
{{! The grey backdrop and the 640-pixel sheet every report body sits on, in the web page and the emails; partials/sheet-end.html closes them. With web set (the page only) they carry the classes of the page's media queries. }}
<table{{#web}} class="backdrop"{{/web}} role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#F3F4F6;">
<tr><td{{#web}} class="outer"{{/web}} align="center" style="padding:16px 8px;">
<table{{#web}} class="sheet"{{/web}} role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:640px;background:#FFFFFF;border:1px solid #E5E7EB;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1F2937;">

"""#),
        ("partials/weekly-alerts.md.mustache", #"""
{{% CONTENT_TYPE: MARKDOWN }}
{{#alerts}}

**Daily alerts**

{{#items}}
- {{text}}: {{{statusText}}}.
{{/items}}
{{/alerts}}

"""#),
        ("partials/weekly-changes.md.mustache", #"""
{{% CONTENT_TYPE: MARKDOWN }}
{{#changes}}
- {{text}} _Evidence: {{evidenceText}}._{{#nextStep}} **Next:** {{.}}{{/nextStep}}
{{/changes}}
{{> partials/weekly-alerts.md}}

"""#),
        ("partials/weekly-comparison.md.mustache", #"""
{{% CONTENT_TYPE: MARKDOWN }}
{{#hasRows}}
| {{{heading}}} | Share | Sessions | Dead clicks | Rage clicks | Quick backs | Script errors | Active time |
|:--|--:|--:|--:|--:|--:|--:|--:|
{{/hasRows}}
{{#rows}}
| {{value}} | {{{shareText}}} | {{#kpi.sessions}}{{{currentText}}}{{/kpi.sessions}} | {{#kpi.deadClickRate}}{{{currentText}}} {{{arrow}}}{{/kpi.deadClickRate}} | {{#kpi.rageClickRate}}{{{currentText}}} {{{arrow}}}{{/kpi.rageClickRate}} | {{#kpi.quickbackRate}}{{{currentText}}} {{{arrow}}}{{/kpi.quickbackRate}} | {{#kpi.scriptErrorRate}}{{{currentText}}} {{{arrow}}}{{/kpi.scriptErrorRate}} | {{#kpi.activeTime}}{{{currentText}}}{{/kpi.activeTime}} |
{{/rows}}
{{^rows}}
The store holds no {{{heading}}} breakdown for this week.
{{/rows}}

"""#),
        ("partials/weekly-footer.html.mustache", #"""
{{! The weekly report's closing line, shared by weekly.html (the web page, where web is set: classes for its media queries and dark mode) and weekly-email.html. }}
<p{{#web}} class="muted"{{/web}} style="margin:0;font-size:11px;line-height:16px;color:#6B7280;">Made by clarity-report from Microsoft Clarity Data Export figures (UTC days). {{coverageNote}}</p>

"""#),
        ("partials/weekly-kpis.html.mustache", #"""
{{! The weekly report's headline figures table, shared by weekly.html (the web page, where web is set: classes for its media queries and dark mode) and weekly-email.html. }}
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">Headline figures</h2>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;">
<tr>
<th align="left" style="padding:6px 8px;font-size:12px;color:#4B5563;background:#F3F4F6;font-weight:600;">Figure</th>
<th align="right" style="padding:6px 8px;font-size:12px;color:#4B5563;background:#F3F4F6;font-weight:600;">This week</th>
<th align="right" style="padding:6px 8px;font-size:12px;color:#4B5563;background:#F3F4F6;font-weight:600;">Change</th>
{{#web}}
<th class="spark" align="center" style="padding:6px 8px;font-size:12px;color:#4B5563;background:#F3F4F6;font-weight:600;">8 weeks</th>
{{/web}}
</tr>
{{#kpis}}
<tr>
<td style="padding:6px 8px;border-bottom:1px solid #E5E7EB;font-size:14px;line-height:18px;">{{label}}<br><span{{#web}} class="muted"{{/web}} style="font-size:11px;color:#6B7280;">last week {{previousText}}</span>{{^web}}<br><span style="font-size:13px;letter-spacing:1px;color:#0072B2;white-space:nowrap;">{{sparklineText}}</span>{{/web}}</td>
<td align="right" style="padding:6px 8px;border-bottom:1px solid #E5E7EB;font-size:15px;font-weight:600;white-space:nowrap;">{{currentText}}</td>
<td{{#web}} class="wrap tone-{{tone}}"{{/web}} align="right" style="padding:6px 8px;border-bottom:1px solid #E5E7EB;font-size:13px;{{#web}}white-space:nowrap;{{/web}}color:{{toneColor}};"><span style="font-weight:700;">{{arrow}} {{changeText}}</span><br><span{{#web}} class="muted"{{/web}} style="font-size:11px;color:#6B7280;">{{verdictText}}{{#comparedPerDay}}, per day{{/comparedPerDay}}</span></td>
{{#web}}
<td class="spark" align="center" style="padding:6px 8px;border-bottom:1px solid #E5E7EB;">{{{sparkline}}}</td>
{{/web}}
</tr>
{{/kpis}}
</table>
<p{{#web}} class="muted"{{/web}} style="margin:8px 0 0;font-size:11px;line-height:16px;color:#6B7280;">Blue is good news, orange is bad news; grey moves are within normal noise{{#web}}; a hollow dot marks a week the store covers only partly{{/web}}. Rates are shares of sessions; time and scroll depth are weighted by sessions; users per day is a daily mean.</p>

"""#),
        ("partials/weekly-kpis.md.mustache", #"""
{{% CONTENT_TYPE: MARKDOWN }}
| Figure | This week | Last week | Change | Verdict |
|:--|--:|--:|--:|:--|
{{#kpis}}
| {{label}} | {{{currentText}}} | {{{previousText}}} | {{{arrow}}} {{{changeText}}}{{#comparedPerDay}} per day{{/comparedPerDay}} | {{{verdictText}}} |
{{/kpis}}

Rates are the share of sessions with the signal; time and scroll depth are weighted by each day's sessions; users per day is the mean of daily distinct users. "Beyond noise" means outside the range of the 8 earlier weeks and beyond their spread (p < {{{settings.significance}}}), and for rates also p < {{{settings.significance}}} in a two-proportion test; with fewer than 3 earlier weeks there is too little history, and below {{{settings.minimumSessions}}} sessions no verdict is given.

"""#),
        ("partials/weekly-releases.md.mustache", #"""
{{% CONTENT_TYPE: MARKDOWN }}
{{#releases}}
### {{release.version}}, {{{dayText}}}

{{#release.note}}{{release.note}}. {{/release.note}}{{{beforeTitle}}} against {{{afterTitle}}}, the release day left out. {{{coverageText}}}{{#overlapText}} {{overlapText}}{{/overlapText}}

{{#findings}}
- {{.}}
{{/findings}}

{{#hasMovedKPIs}}
| Figure | Before | After | Change | Verdict |
|:--|--:|--:|--:|:--|
{{/hasMovedKPIs}}
{{#movedKPIs}}
| {{label}} | {{{beforeText}}} | {{{afterText}}} | {{{arrow}}} {{{changeText}}} | {{{verdictText}}} |
{{/movedKPIs}}
{{#unmovedText}}

{{unmovedText}}
{{/unmovedText}}

{{/releases}}
{{^releases}}
No release recorded in this week or the week before.
{{/releases}}

"""#),
        ("partials/weekly-segments.md.mustache", #"""
{{% CONTENT_TYPE: MARKDOWN }}
{{#hasFrustrationSegments}}
Segments with at least {{{settings.minimumSessions}}} sessions, ranked by frustrated sessions beyond what the site's rate predicts.

| # | Segment | Signal | Rate | Site rate | Sessions | Excess | {{{previousColumn}}} |
|--:|:--|:--|--:|--:|--:|--:|--:|
{{/hasFrustrationSegments}}
{{#frustrationSegments}}
| {{{rank}}} | {{#plainNames}}{{name}}{{/plainNames}}{{^plainNames}}{{label}}{{/plainNames}} | {{signalLabel}} | {{{rateText}}} ({{{ratioText}}}) | {{{siteRateText}}} | {{{sessionsText}}} | {{{excessText}}} | {{{previousRateText}}} |
{{/frustrationSegments}}
{{^frustrationSegments}}
No segment with at least {{{settings.minimumSessions}}} sessions shows a signal above the site's rate this week.
{{/frustrationSegments}}

"""#),
        ("partials/weekly-title.html.mustache", #"""
{{! The weekly report's title block, shared by weekly.html (the web page, where web is set: classes for its media queries and dark mode) and weekly-email.html. }}
<p{{#web}} class="muted"{{/web}} style="margin:0;font-size:12px;line-height:16px;letter-spacing:0.04em;text-transform:uppercase;color:#6B7280;">{{project.name}} · weekly UX report · {{period.label}}</p>
<h1 style="margin:4px 0 8px;font-size:24px;line-height:30px;color:#111827;">{{period.title}}</h1>
<p style="margin:0 0 8px;font-size:17px;line-height:24px;font-weight:600;color:#111827;">{{headline}}</p>
<p{{#web}} class="muted"{{/web}} style="margin:0 0 4px;font-size:13px;line-height:19px;color:#4B5563;">{{coverageNote}}</p>

"""#),
        ("research-log-entry.md.mustache", #"""
{{% CONTENT_TYPE: MARKDOWN }}
# {{{period.label}}}: {{{period.title}}}

<!-- clarity-report:begin summary -->
**Headline:** {{headline}}

{{coverageNote}}

{{> partials/weekly-kpis.md}}

## What changed

{{> partials/weekly-changes.md}}

## Charts

![Sessions per day, this week against last week](charts/{{{period.label}}}-sessions.svg)

![Share of sessions with each frustration signal, per day](charts/{{{period.label}}}-frustration.svg)

![Top frustration segments: rate as a multiple of the site's rate](charts/{{{period.label}}}-segments.svg)

![Share of sessions by device](charts/{{{period.label}}}-devices.svg)

![Share of sessions by browser](charts/{{{period.label}}}-browsers.svg)
<!-- clarity-report:end summary -->

## Notes

_Your observations for {{{period.label}}}. clarity-report rewrites only the blocks between its `clarity-report:begin` and `clarity-report:end` comments; everything else in this file is yours and is kept byte for byte._

<!-- clarity-report:begin segments -->
## Top frustration segments

{{> partials/weekly-segments.md}}

### What to watch in Clarity's recordings

{{#frustrationSegments}}
{{{rank}}}. **{{signalLabel}} in {{label}}**: {{recordingFilter}} Watch {{watchFor}}.
{{/frustrationSegments}}
{{^frustrationSegments}}
Nothing stands out this week.
{{/frustrationSegments}}
<!-- clarity-report:end segments -->

### Findings from recordings

_What you saw in the recordings this week: write it here, as a list or in paragraphs._

<!-- clarity-report:begin devices -->
## Devices and browsers

{{#devicesTable}}{{> partials/weekly-comparison.md}}{{/devicesTable}}

{{#browsersTable}}{{> partials/weekly-comparison.md}}{{/browsersTable}}
<!-- clarity-report:end devices -->

<!-- clarity-report:begin pages -->
## Pages

{{> partials/pages.md}}
<!-- clarity-report:end pages -->

<!-- clarity-report:begin acquisition -->
## Acquisition

{{> partials/acquisition.md}}
<!-- clarity-report:end acquisition -->

<!-- clarity-report:begin releases -->
## Releases

{{> partials/weekly-releases.md}}
<!-- clarity-report:end releases -->

"""#),
        ("research-log-index.md.mustache", #"""
{{% CONTENT_TYPE: MARKDOWN }}
# {{project.name}} research log

One entry a week, newest first. Entries are written by `clarity-report log`; notes written outside the generated blocks are kept.

<!-- clarity-report:begin index -->
| Week | Dates | Headline |
|:--|:--|:--|
{{#entries}}
| [{{{label}}}]({{{file}}}) | {{{title}}} | {{{headline}}} |
{{/entries}}
<!-- clarity-report:end index -->

"""#),
        ("weekly-email.html.mustache", #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<title>{{project.name}}: weekly UX report, {{period.label}}</title>
</head>
<body style="margin:0;padding:0;background:#F3F4F6;">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;font-size:1px;line-height:1px;color:#F3F4F6;">{{headline}}</div>
{{> partials/sheet-start.html}}
<tr><td style="padding:24px 16px 8px;">
{{#viewInBrowserURL}}
<p style="margin:0 0 8px;font-size:11px;line-height:16px;color:#6B7280;"><a href="{{viewInBrowserURL}}" style="color:#0072B2;">View this report in a browser</a></p>
{{/viewInBrowserURL}}
{{> partials/weekly-title.html}}
</td></tr>
<tr><td style="padding:8px 16px;">
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">What changed</h2>
{{{sections.changes}}}
</td></tr>
<tr><td style="padding:0 16px;">
{{> partials/weekly-kpis.html}}
</td></tr>
<tr><td style="padding:8px 16px;">
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">Sessions per day</h2>
{{#images.sessions}}{{> partials/email-chart.html}}{{/images.sessions}}
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">Frustration signals per day</h2>
{{#images.frustration}}{{> partials/email-chart.html}}{{/images.frustration}}
</td></tr>
<tr><td style="padding:8px 16px;">
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">Top frustration segments</h2>
{{#images.segments}}{{> partials/email-chart.html}}{{/images.segments}}
{{{sections.segments}}}
</td></tr>
{{#hasReleases}}
<tr><td style="padding:8px 16px;">
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">Releases</h2>
{{{sections.releases}}}
</td></tr>
{{/hasReleases}}
<tr><td style="padding:8px 16px;">
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">Devices</h2>
{{#images.devices}}{{> partials/email-chart.html}}{{/images.devices}}
{{{sections.devices}}}
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">Browsers</h2>
{{#images.browsers}}{{> partials/email-chart.html}}{{/images.browsers}}
{{{sections.browsers}}}
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">Pages (top 5)</h2>{{{sections.pages}}}
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">Acquisition (top 5)</h2>{{{sections.acquisition}}}
</td></tr>
<tr><td style="padding:16px 16px 24px;">
{{> partials/weekly-footer.html}}
</td></tr>
{{> partials/sheet-end.html}}
</body>
</html>

"""#),
        ("weekly-email.txt.mustache", #"""
{{% CONTENT_TYPE: PLAIN }}
{{project.name}}: weekly UX report, {{period.label}} ({{period.title}})
{{#viewInBrowserURL}}
View in a browser: {{viewInBrowserURL}}
{{/viewInBrowserURL}}

{{headline}}

{{coverageNote}}

WHAT CHANGED
{{#changes}}
* {{text}}
  Evidence: {{evidenceText}}.
{{#nextStep}}
  Next: {{.}}
{{/nextStep}}
{{/changes}}
{{#alerts}}

DAILY ALERTS
{{#items}}
* {{text}}: {{statusText}}.
{{/items}}
{{/alerts}}

HEADLINE FIGURES (this week, change, verdict, last 8 weeks)
{{#kpis}}
{{paddedLabel}} {{paddedCurrent}}  {{paddedChange}}  {{sparklineText}}  {{verdictText}}
{{/kpis}}

TOP FRUSTRATION SEGMENTS
{{#frustrationSegments}}
{{rank}}. {{signalLabel}} in {{label}}: {{rateText}} of {{sessionsText}} sessions, site {{siteRateText}}, last week {{previousRateText}}
{{/frustrationSegments}}
{{^frustrationSegments}}
No segment stands out this week.
{{/frustrationSegments}}
{{#releases}}

RELEASE {{release.version}}, {{dayText}}
{{coverageText}}
{{#findings}}
* {{.}}
{{/findings}}
{{/releases}}

DEVICES (share of sessions, rage clicks, dead clicks)
{{#devices}}
{{value}}: {{shareText}}{{#kpi.rageClickRate}}, rage {{currentText}}{{/kpi.rageClickRate}}{{#kpi.deadClickRate}}, dead {{currentText}}{{/kpi.deadClickRate}}
{{/devices}}

BROWSERS (share of sessions, rage clicks, dead clicks)
{{#browsers}}
{{value}}: {{shareText}}{{#kpi.rageClickRate}}, rage {{currentText}}{{/kpi.rageClickRate}}{{#kpi.deadClickRate}}, dead {{currentText}}{{/kpi.deadClickRate}}
{{/browsers}}
{{> partials/audience.txt}}

Made by clarity-report from Microsoft Clarity Data Export figures (UTC days).

"""#),
        ("weekly.html.mustache", #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{{project.name}}: weekly UX report, {{period.label}}</title>
<style>
.sheet svg { max-width: 100%; height: auto; display: block; }
.chart-phone { display: none; }
@media (max-width: 620px) {
  .outer { padding: 8px 4px !important; }
  .block { padding-left: 12px !important; padding-right: 12px !important; }
  .chart-wide { display: none !important; }
  .chart-phone { display: block !important; }
  .chart-phone svg { width: 100% !important; height: auto !important; }
  .spark { display: none !important; }
  .wrap { white-space: normal !important; }
  .md table tr > :nth-child(n+5) { display: none !important; }
  .md td, .md th { white-space: normal !important; word-break: break-word; }
}
@media (prefers-color-scheme: dark) {
  body, .outer, .backdrop { background: #0F172A !important; }
  .sheet { background: #1E293B !important; border-color: #334155 !important; color: #E2E8F0 !important; }
  .sheet h1, .sheet h2, .sheet h3, .sheet strong, .strong { color: #F8FAFC !important; }
  .sheet p, .sheet li, .sheet td { color: #E2E8F0 !important; border-color: #334155 !important; }
  .sheet th { background: #334155 !important; color: #E2E8F0 !important; }
  .sheet .muted, .sheet .muted span { color: #94A3B8 !important; }
  .sheet code { background: #334155 !important; }
  .sheet .tone-good, .sheet .tone-good span { color: #7DD3FC !important; }
  .sheet .tone-bad, .sheet .tone-bad span { color: #FDBA74 !important; }
  .sheet .tone-neutral, .sheet .tone-neutral span { color: #CBD5E1 !important; }
  .chart-wide svg, .chart-phone svg, .spark svg { border-radius: 6px; box-shadow: 0 0 0 6px #FFFFFF; margin: 6px 0; }
}
</style>
</head>
<body style="margin:0;padding:0;background:#F3F4F6;">
{{> partials/sheet-start.html}}
<tr><td class="block" style="padding:24px 20px 8px;">
{{> partials/weekly-title.html}}
</td></tr>
<tr><td class="block" style="padding:8px 20px;">
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">What changed</h2>
<div class="md">{{{sections.changes}}}</div>
</td></tr>
<tr><td class="block" style="padding:0 20px;">
{{> partials/weekly-kpis.html}}
</td></tr>
<tr><td class="block" style="padding:8px 20px;">
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">Sessions per day</h2>
<div class="chart-wide">{{{charts.sessions}}}</div>
<div class="chart-phone">{{{phoneCharts.sessions}}}</div>
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">Frustration signals per day</h2>
<div class="chart-wide">{{{charts.frustration}}}</div>
<div class="chart-phone">{{{phoneCharts.frustration}}}</div>
</td></tr>
<tr><td class="block" style="padding:8px 20px;">
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">Top frustration segments</h2>
<div class="chart-wide">{{{charts.segments}}}</div>
<div class="chart-phone">{{{phoneCharts.segments}}}</div>
<div class="md">{{{sections.segments}}}</div>
</td></tr>
{{#hasReleases}}
<tr><td class="block" style="padding:8px 20px;">
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">Releases</h2>
<div class="md">{{{sections.releases}}}</div>
</td></tr>
{{/hasReleases}}
<tr><td class="block" style="padding:8px 20px;">
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">Devices</h2>
<div class="chart-wide">{{{charts.devices}}}</div>
<div class="chart-phone">{{{phoneCharts.devices}}}</div>
<div class="md">{{{sections.devices}}}</div>
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">Browsers</h2>
<div class="chart-wide">{{{charts.browsers}}}</div>
<div class="chart-phone">{{{phoneCharts.browsers}}}</div>
<div class="md">{{{sections.browsers}}}</div>
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">Pages</h2><div class="md">{{{sections.pages}}}</div>
<h2 style="margin:16px 0 8px;font-size:18px;line-height:24px;color:#111827;">Acquisition</h2><div class="md">{{{sections.acquisition}}}</div>
</td></tr>
<tr><td class="block" style="padding:16px 20px 24px;">
{{> partials/weekly-footer.html}}
</td></tr>
{{> partials/sheet-end.html}}
</body>
</html>

"""#),
        ("weekly.md.mustache", #"""
{{% CONTENT_TYPE: MARKDOWN }}
# {{project.name}}: weekly UX report, {{{period.label}}}

**{{headline}}**

**{{{period.title}}}.** {{coverageNote}}

## Headline figures

{{> partials/weekly-kpis.md}}

## What changed

{{> partials/weekly-changes.md}}

## Top frustration segments

{{> partials/weekly-segments.md}}

## Releases

{{> partials/weekly-releases.md}}

## Devices

{{#devicesTable}}{{> partials/weekly-comparison.md}}{{/devicesTable}}

## Browsers

{{#browsersTable}}{{> partials/weekly-comparison.md}}{{/browsersTable}}

## Pages

{{> partials/pages.md}}

## Acquisition

{{> partials/acquisition.md}}

"""#),
    ]
}
