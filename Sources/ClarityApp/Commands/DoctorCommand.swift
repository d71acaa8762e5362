import ArgumentParser
import ClarityFetch
import ClarityModel
import ClarityRender
import ClarityStore
import Foundation

/// `clarity-report doctor`: one screen on whether tomorrow's fetch and reports will be right.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the token, the last fetch, missed days, the store, disk space, templates, the chart font and SMTP settings.",
        discussion: """
            Opens the store read-only and changes nothing. Exit codes: 0 healthy, 1 warnings, 2 problems, so cron can alert \
            on a non-zero exit.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var templateOptions: TemplateOptions

    @Option(
        name: .customLong("token-file"),
        help: ArgumentHelp("The token file fetch uses (default: the configuration's fetch.token_file).", valueName: "path"))
    var tokenFile: String?

    @Flag(name: .long, help: "Print the findings as JSON.")
    var json = false

    /// How many weeks back missed days are looked for.
    static let weeks = 8

    func run() throws {
        let loaded = try global.loadConfiguration()
        let report = HealthReport(
            findings: DoctorFacts(
                global: global, loaded: loaded, templates: templateOptions, tokenFile: tokenFile,
                now: ClarityFetch.SystemClock().now(), environment: ProcessInfo.processInfo.environment
            ).findings())
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Console.out(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            Console.out(report.text)
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

/// Gathers what `doctor` judges from the store, the files, the configuration and the environment.
struct DoctorFacts {
    let global: GlobalOptions
    let loaded: LoadedConfiguration
    let templates: TemplateOptions
    let tokenFile: String?
    let now: Instant
    let environment: [String: String]

    func findings() -> [HealthFinding] {
        var findings = [tokenFinding()]
        findings += storeFindings()
        let overrides = templates.overrides(configuration: loaded)
        var isFolder: ObjCBool = false
        let exists = overrides.map { FileManager.default.fileExists(atPath: $0.folder, isDirectory: &isFolder) && isFolder.boolValue } ?? false
        findings.append(HealthRules.templates(folder: overrides?.folder, namedBy: overrides?.namedBy, exists: exists))
        findings.append(HealthRules.font(installed: ChartFontFile.installed(), searched: ChartFontFile.searched))
        findings.append(smtpFinding())
        return findings
    }

    func tokenFinding() -> HealthFinding {
        let settings = loaded.configuration.fetch
        let path = tokenFile ?? (settings.tokenFile.isEmpty ? nil : loaded.resolve(settings.tokenFile))
        do {
            _ = try APIToken.load(file: path, environment: environment)
            return HealthRules.token(origin: path ?? "$\(APIToken.environmentVariable)", error: nil)
        } catch {
            return HealthRules.token(origin: path, error: error.message)
        }
    }

    func smtpFinding() -> HealthFinding {
        let settings = loaded.configuration.email.smtp
        guard !settings.host.isEmpty else { return HealthRules.smtp(host: "", passwordError: nil) }
        do {
            _ = try MailSubmission.password(settings: settings, loaded: loaded, environment: environment)
            return HealthRules.smtp(host: settings.host, passwordError: nil)
        } catch {
            return HealthRules.smtp(host: settings.host, passwordError: "\(error)")
        }
    }

    /// Every finding that needs the store; a store that does not open is one problem and the rest are skipped.
    func storeFindings() -> [HealthFinding] {
        let store: MetricStore
        do {
            store = try global.openStoreForReading()
        } catch {
            return [HealthFinding("store", .problem, "\(error)")]
        }
        do {
            var findings = [HealthRules.lastFetch(try store.latestStoredRequest(), now: now)]
            let budget = try store.requestBudget(on: now.day)
            findings.append(HealthRules.budget(used: budget.used, limit: budget.limit, spentAt: budget.spentAt))
            let coverage = try store.coverage()
            let lastDue = RecoveryHorizon.latestDay(at: now).advanced(by: -1)
            for dimensions in loaded.configuration.fetch.requests {
                guard let first = coverage.covered(dimensions).first else {
                    findings.append(
                        HealthFinding(
                            "missing " + (dimensions.isEmpty ? "site totals" : dimensions.key), .warning,
                            "the store has no day of this planned breakdown yet; run `clarity-report fetch`."))
                    continue
                }
                let start = max(first, lastDue.advanced(by: -7 * DoctorCommand.weeks + 1))
                let missing = start <= lastDue ? coverage.missing(dimensions, in: start...lastDue) : []
                findings.append(HealthRules.missingDays(dimensions, missing: missing, weeks: DoctorCommand.weeks, now: now))
            }
            let status = try store.status()
            let since = lastDue.advanced(by: -7 * DoctorCommand.weeks + 1)
            findings.append(
                HealthRules.derivedDays(
                    status.derivedDays.filter { $0.day >= since },
                    blocks: try store.derivedBlocks(touching: since...lastDue)))
            findings.append(HealthRules.unparsed(status.unparsedSnapshots))
            findings.append(HealthRules.integrity(try store.quickCheck()))
            findings.append(HealthRules.schema(applied: try store.appliedMigrations(), known: MetricStore.schemaMigrations))
            findings.append(diskFinding(store: store))
            return findings
        } catch {
            return [HealthFinding("store", .problem, "\(error)")]
        }
    }

    func diskFinding(store: MetricStore) -> HealthFinding {
        let path = global.storePath
        let size = [path, path + "-wal"].reduce(Int64(0)) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int64) ?? 0)
        }
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let free = ((try? FileManager.default.attributesOfFileSystem(forPath: folder)[.systemFreeSize]) as? NSNumber)?.int64Value ?? 0
        let days = (try? store.pullSpan()).flatMap { $0 }.map { max(1, ($0.upperBound.seconds - $0.lowerBound.seconds) / 86_400) } ?? 1
        return HealthRules.diskSpace(free: free, storeBytes: size, growthPerDay: size / days)
    }
}
