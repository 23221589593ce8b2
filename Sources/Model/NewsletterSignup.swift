/// The newsletter sign-up form's settings (`newsletter.signup` in `content/site.yml`): the form posts
/// straight to the mailing tool, so the site needs no server of its own.
public struct NewsletterSignup: Sendable, Hashable {
    /// Where the form posts (the mailing tool's subscribe address; http or https).
    public var action: String
    /// The name of the field for the reader's e-mail address, as the mailing tool expects it.
    public var emailField: String
    /// The name of the hidden field that tells the mailing tool which list to join.
    public var listField: String
    /// The list id per language: Finnish readers join the Finnish list, Swedish readers the Swedish one.
    public var listID: [Language: String]
    /// The name of the consent checkbox.
    public var consentField: String
    /// The consent the reader gives by ticking the box, per language.
    public var consent: [Language: String]

    public init(
        action: String, emailField: String, listField: String, listID: [Language: String], consentField: String,
        consent: [Language: String]
    ) {
        self.action = action
        self.emailField = emailField
        self.listField = listField
        self.listID = listID
        self.consentField = consentField
        self.consent = consent
    }
}
