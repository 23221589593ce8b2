import ArgumentParser

/// `tietopankki newsletter`: print an issue's e-mail (the default, `newsletter 2`) or draft the next issue.
struct NewsletterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsletter",
        abstract: "Print a newsletter issue's e-mail, or draft the next issue.",
        discussion: """
            'tietopankki newsletter 2 --format text' prints issue 2 (the same as 'newsletter print 2'); \
            'tietopankki newsletter draft --lang fi' starts the next issue from what was published since \
            the last one.
            """,
        subcommands: [NewsletterPrintCommand.self, NewsletterDraftCommand.self],
        defaultSubcommand: NewsletterPrintCommand.self)
}
