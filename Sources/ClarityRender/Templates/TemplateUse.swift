/// Which report output renders which template, as `templates list` shows it; the other templates are partials.
public enum TemplateUse {
    public static let reports: [(output: String, template: String)] = [
        ("weekly --format html", "weekly.html"),
        ("weekly --format md", "weekly.md"),
        ("weekly --format eml (HTML part)", "weekly-email.html"),
        ("weekly --format eml (text part)", "weekly-email.txt"),
        ("log (entry)", "research-log-entry.md"),
        ("log (index)", "research-log-index.md"),
        ("monthly --format html", "monthly.html"),
        ("monthly --format md", "monthly.md"),
        ("monthly --format eml (HTML part)", "monthly-email.html"),
        ("monthly --format eml (text part)", "monthly-email.txt"),
    ]
}
