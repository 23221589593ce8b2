import CLibXML2
import Foundation

/// libxml2 sets up its global tables once, before the first parse; pages are parsed on several threads.
private let libxml2Initialized: Void = xmlInitParser()

/// Prepares an HTML e-mail the way mail clients need it: every rule of the stylesheet that matches an
/// element is written into the element's `style` attribute (in specificity order, the element's own
/// inline style last so it wins), the at-rule blocks (media queries, `prefers-color-scheme`) go into one
/// `<style>` element in the head, and every site-relative `href`/`src` becomes absolute.
public struct CSSInliner: Sendable {
    public let stylesheet: Stylesheet
    public let baseURL: String

    public init(css: String, baseURL: String) {
        self.stylesheet = Stylesheet(css: css)
        self.baseURL = baseURL
    }

    /// Rules sorted the way the cascade applies them: lower specificity first, then source order.
    var cascade: [(selector: Stylesheet.Selector, declarations: [(property: String, value: String)])] {
        var entries: [(Stylesheet.Selector, [(property: String, value: String)], Int)] = []
        for rule in stylesheet.rules {
            for selector in rule.selectors { entries.append((selector, rule.declarations, rule.order)) }
        }
        entries.sort { a, b in
            let sa = a.0.specificity, sb = b.0.specificity
            if sa != sb { return sa < sb }
            return a.2 < b.2
        }
        return entries.map { ($0.0, $0.1) }
    }

    /// Inlines `html`; returns the serialised document.
    public func inline(_ html: String) -> String {
        _ = libxml2Initialized
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        var bytes = Array(html.utf8)
        let parsed = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { htmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", options) }
        }
        guard let document = parsed else { return html }
        defer { xmlFreeDoc(document) }
        let cascade = self.cascade
        var head: xmlNodePtr?
        visit(xmlDocGetRootElement(document)) { node in
            let name = Self.name(of: node)
            if name == "head" { head = node }
            var declarations: [(property: String, value: String)] = []
            for entry in cascade where Self.matches(entry.selector, node) { declarations += entry.declarations }
            if let own = Self.attribute(node, "style") { declarations += Stylesheet.parseDeclarations(own) }
            if !declarations.isEmpty { Self.setAttribute(node, "style", Self.merge(declarations)) }
            for attribute in ["href", "src"] {
                if let value = Self.attribute(node, attribute), value.hasPrefix("/"), !value.hasPrefix("//") {
                    Self.setAttribute(node, attribute, baseURL + value)
                }
            }
        }
        if let head, !stylesheet.atRules.isEmpty {
            let style = xmlNewChild(head, nil, "style", nil)
            let css = "\n" + stylesheet.atRules.joined(separator: "\n") + "\n"
            xmlAddChild(style, xmlNewText(css))
        }
        // Without a Content-Type declaration libxml2 writes every non-ASCII letter as an entity; declare
        // UTF-8 (adding or updating the meta element) so the text stays as written.
        htmlSetMetaEncoding(document, "UTF-8")
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        htmlDocDumpMemoryFormat(document, &buffer, &size, 0)
        guard let buffer else { return html }
        defer { tp_xmlFree(buffer) }
        return String(decoding: UnsafeBufferPointer(start: buffer, count: Int(size)), as: UTF8.self)
    }

    /// Later declarations of a property replace earlier ones; the order of first appearance is kept.
    static func merge(_ declarations: [(property: String, value: String)]) -> String {
        var order: [String] = []
        var values: [String: String] = [:]
        for (property, value) in declarations {
            if values[property] == nil { order.append(property) }
            values[property] = value
        }
        return order.map { "\($0): \(values[$0]!)" }.joined(separator: "; ")
    }

    // MARK: - Matching

    static func matches(_ selector: Stylesheet.Selector, _ node: xmlNodePtr) -> Bool {
        var compounds = selector.compounds[...]
        guard let last = compounds.popLast(), matches(last, node) else { return false }
        var ancestor = node.pointee.parent
        while let wanted = compounds.last {
            guard let current = ancestor, current.pointee.type == XML_ELEMENT_NODE else { return false }
            if matches(wanted, current) { compounds.removeLast() }
            ancestor = current.pointee.parent
        }
        return true
    }

    static func matches(_ compound: Stylesheet.Compound, _ node: xmlNodePtr) -> Bool {
        if let element = compound.element, element != name(of: node) { return false }
        guard !compound.classes.isEmpty else { return true }
        let classes = Set((attribute(node, "class") ?? "").split(separator: " ").map(String.init))
        return compound.classes.allSatisfy(classes.contains)
    }

    // MARK: - libxml2 helpers

    /// Every element from `node` on in document order (`tp_xml_next_element`, the shim's one tree walk).
    func visit(_ node: xmlNodePtr?, _ body: (xmlNodePtr) -> Void) {
        var element = tp_xml_first_element(node)
        while let current = element {
            body(current)
            element = tp_xml_next_element(current)
        }
    }

    static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { tp_xmlFree(value) }
        return String(cString: value)
    }

    static func setAttribute(_ node: xmlNodePtr, _ name: String, _ value: String) {
        xmlSetProp(node, name, value)
    }
}
