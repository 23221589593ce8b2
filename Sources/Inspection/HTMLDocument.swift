import CLibXML2
import Foundation

/// An element found in a parsed page: its name, attributes and text, and the line it stood on.
public struct HTMLElement: Sendable, Hashable {
    public var name: String
    public var attributes: [String: String]
    public var text: String
    public var line: Int
    /// The enclosing elements, outermost first, as (name, classes).
    public var ancestors: [(name: String, classes: [String])] = []

    /// The element's classes.
    public var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }

    public static func == (a: HTMLElement, b: HTMLElement) -> Bool {
        a.name == b.name && a.attributes == b.attributes && a.text == b.text && a.line == b.line
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(line)
    }

    public subscript(_ attribute: String) -> String? { attributes[attribute] }
}

/// libxml2 sets up its global tables once, before the first parse; pages are parsed on several threads.
private let libxml2Initialized: Void = xmlInitParser()

/// A rendered HTML page parsed with libxml2's HTML parser, for checks on the output: links, anchors,
/// ids, images, scripts. Read-only; safe to create on any thread.
public final class HTMLDocument: @unchecked Sendable {
    private let document: htmlDocPtr

    /// Parses `html`; nil only if libxml2 cannot produce a tree at all.
    public init?(html: String) {
        _ = libxml2Initialized
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NOBLANKS.rawValue)
        var bytes = Array(html.utf8)
        if bytes.isEmpty { bytes = Array("<html></html>".utf8) }
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
            }
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// Every element with the given (lower-case) name, in document order.
    public func elements(named name: String) -> [HTMLElement] {
        var result: [HTMLElement] = []
        visit(xmlDocGetRootElement(document)) { node in
            if let nodeName = node.pointee.name, String(cString: nodeName) == name {
                result.append(Self.element(node))
            }
        }
        return result
    }

    /// Every element, in document order.
    public var allElements: [HTMLElement] {
        var result: [HTMLElement] = []
        visit(xmlDocGetRootElement(document)) { result.append(Self.element($0)) }
        return result
    }

    /// Every element that has the attribute, e.g. all `id`s.
    public func elements(withAttribute attribute: String) -> [HTMLElement] {
        var result: [HTMLElement] = []
        visit(xmlDocGetRootElement(document)) { node in
            let element = Self.element(node)
            if element.attributes[attribute] != nil { result.append(element) }
        }
        return result
    }

    /// Every element from `node` on in document order (`tp_xml_next_element`, the shim's one tree walk).
    private func visit(_ node: xmlNodePtr?, _ body: (xmlNodePtr) -> Void) {
        var element = tp_xml_first_element(node)
        while let current = element {
            body(current)
            element = tp_xml_next_element(current)
        }
    }

    private static func element(_ node: xmlNodePtr) -> HTMLElement {
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = String(cString: current.pointee.name)
            if let value = xmlGetProp(node, current.pointee.name) {
                attributes[name] = String(cString: value)
                tp_xmlFree(value)
            } else {
                attributes[name] = ""
            }
            attribute = current.pointee.next
        }
        var text = ""
        if let content = xmlNodeGetContent(node) {
            text = String(cString: content)
            tp_xmlFree(content)
        }
        var ancestors: [(name: String, classes: [String])] = []
        var parent = node.pointee.parent
        while let current = parent, current.pointee.type == XML_ELEMENT_NODE {
            var classes: [String] = []
            if let value = xmlGetProp(current, "class") {
                classes = String(cString: value).split(separator: " ").map(String.init)
                tp_xmlFree(value)
            }
            ancestors.insert((String(cString: current.pointee.name), classes), at: 0)
            parent = current.pointee.parent
        }
        var element = HTMLElement(
            name: String(cString: node.pointee.name), attributes: attributes, text: text,
            line: Int(xmlGetLineNo(node)))
        element.ancestors = ancestors
        return element
    }
}
