import Model
import Templates

/// The newsletter sign-up form in one language (`signup-form.mustache`): plain HTML that posts to the
/// mailing tool, with the language's list id in a hidden field.
public struct SignupContext: TemplateFields, Sendable, Hashable {
    /// Prefix of the form's element ids, unique on the page (`footer-signup`, `signup`).
    public var id: String
    public var action: String
    public var emailField: String
    public var listField: String
    public var listID: String
    public var consentField: String
    public var consent: String

    init?(_ settings: NewsletterSignup?, _ language: Language, id: String) {
        guard let settings, let listID = settings.listID[language], let consent = settings.consent[language] else { return nil }
        self.id = id
        action = settings.action
        emailField = settings.emailField
        listField = settings.listField
        self.listID = listID
        consentField = settings.consentField
        self.consent = consent
    }

    public func field(named name: String) -> Any? {
        switch name {
        case "id": id
        case "action": action
        case "emailField": emailField
        case "listField": listField
        case "listID": listID
        case "consentField": consentField
        case "consent": consent
        default: nil
        }
    }
}
