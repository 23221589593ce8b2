import Templates

/// The structured facts of a good practice.
public struct PracticeContext: TemplateFields, Sendable {
    public var municipalities: String?
    public var organisation: String?
    public var period: String?
    public var statusLabel: String?
    public var funder: String?
    public var targetGroups: [String]
    public var contactName: String?
    public var contactRole: String?
    public var contactEmail: String?
    public var links: [LinkContext]

    public var hasContact: Bool { contactName != nil || contactRole != nil || contactEmail != nil }

    public func field(named name: String) -> Any? {
        switch name {
        case "municipalities": municipalities
        case "organisation": organisation
        case "period": period
        case "statusLabel": statusLabel
        case "funder": funder
        case "targetGroups": targetGroups.isEmpty ? nil : targetGroups.joined(separator: ", ")
        case "hasContact": hasContact
        case "contactName": contactName
        case "contactRole": contactRole
        case "contactEmail": contactEmail
        case "links": links
        default: nil
        }
    }
}

/// An event's time, place and links, already decided against the build moment.
public struct EventContext: TemplateFields, Sendable {
    public var typeKey: String
    public var typeLabel: String
    public var when: String
    public var startISO: String
    public var endISO: String?
    public var location: String?
    public var online: String?
    public var registration: String?
    public var registrationOpen: Bool
    public var deadlineText: String?
    public var recording: String?
    public var materials: [LinkContext]
    public var isPast: Bool
    public var calendarURL: String

    public func field(named name: String) -> Any? {
        switch name {
        case "typeKey": typeKey
        case "typeLabel": typeLabel
        case "when": when
        case "startISO": startISO
        case "endISO": endISO
        case "location": location
        case "online": isPast ? nil : online
        case "registration": registration
        case "registrationOpen": registrationOpen
        case "registrationClosed": registration != nil && !registrationOpen
        case "deadlineText": deadlineText
        case "recording": isPast ? recording : nil
        case "materials": materials
        case "isPast": isPast
        case "calendarURL": calendarURL
        default: nil
        }
    }
}

/// A newsletter issue's own facts and the items it presents.
public struct NewsletterContext: TemplateFields, Sendable {
    public var issue: Int
    public var subject: String?
    public var preheader: String?
    public var entries: [CardContext]
    public var emailURL: String = ""
    public var textURL: String = ""

    public func field(named name: String) -> Any? {
        switch name {
        case "emailURL": emailURL
        case "textURL": textURL
        case "issue": issue
        case "subject": subject
        case "preheader": preheader
        case "entries": entries
        default: nil
        }
    }
}
