extension SVGPolicy {
    /// Reads an SVG file's bytes once, front to back, collecting `SVGPolicy`'s problems with their
    /// locations and the root's size.
    struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var report = Report()
        var stack: [String] = []
        var rootSeen = false
        /// Byte offsets of line starts, for locations.
        let lineStarts: [Int]

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            var starts = [0]
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
            lineStarts = starts
        }

        /// Line and column (in characters: UTF-8 continuation bytes are not counted) of a byte offset.
        func location(_ offset: Int) -> (line: Int, column: Int) {
            var low = 0, high = lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            let start = lineStarts[low]
            let column = bytes[start..<min(offset, bytes.count)].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
            return (low + 1, column)
        }

        mutating func problem(at offset: Int, _ message: String, hint: String) {
            guard report.problems.count < SVGPolicy.problemLimit else { return }
            let (line, column) = location(offset)
            report.problems.append(Problem(line: line, column: column, message: message, hint: hint))
        }

        func starts(with text: String, at offset: Int) -> Bool {
            let needle = Array(text.utf8)
            guard offset + needle.count <= bytes.count else { return false }
            return bytes[offset..<offset + needle.count].elementsEqual(needle)
        }

        func find(_ text: String, from offset: Int) -> Int? {
            let needle = Array(text.utf8)
            guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
            var position = offset
            while position + needle.count <= bytes.count {
                if bytes[position] == needle[0], bytes[position..<position + needle.count].elementsEqual(needle) { return position }
                position += 1
            }
            return nil
        }

        static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

        mutating func run() {
            if starts(with: "\u{FEFF}", at: 0) { index = 3 }
            var textStart = index
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
                if stack.last == "style", textStart < index {
                    styleText(textStart..<index, decoded: true)
                } else if textStart < index, decode(textStart..<index) == nil {
                    return  // an entity XML does not know: browsers would show no picture
                }
                let start = index
                if starts(with: "<!--", at: start) {
                    guard let end = find("-->", from: start + 4) else { return unclosed(start, "a comment") }
                    // XML forbids "--" inside a comment: browsers would show no picture at all.
                    if let dashes = find("--", from: start + 4), dashes < end {
                        problem(at: dashes, "'--' inside a comment makes the SVG unreadable to browsers",
                                hint: "write the comment without two hyphens in a row")
                    }
                    index = end + 3
                } else if starts(with: "<![CDATA[", at: start) {
                    guard let end = find("]]>", from: start + 9) else { return unclosed(start, "a CDATA section") }
                    if stack.last == "style" { styleText(start + 9..<end, decoded: false) }
                    index = end + 3
                } else if starts(with: "<!", at: start) {
                    guard declaration(start) else { return }
                } else if starts(with: "<?", at: start) {
                    guard instruction(start) else { return }
                } else if starts(with: "</", at: start) {
                    guard let end = find(">", from: start) else { return unclosed(start, "an end tag") }
                    if !stack.isEmpty { stack.removeLast() }
                    index = end + 1
                } else {
                    guard startTag(start) else { return }
                }
                textStart = index
            }
            if !rootSeen {
                problem(at: 0, "the file has no <svg> element", hint: "save the picture as SVG (plain SVG, not compressed .svgz)")
            }
        }

        mutating func unclosed(_ offset: Int, _ what: String) {
            problem(at: offset, "the SVG ends inside \(what)", hint: "the file is cut short or not an SVG; save it again")
        }

        /// `<!DOCTYPE …>`: allowed without an internal subset (entity definitions could hide markup).
        mutating func declaration(_ start: Int) -> Bool {
            guard starts(with: "<!DOCTYPE", at: start) else {
                problem(at: start, "an SVG may not declare entities or other DTD parts here",
                        hint: "remove the <!…> declaration; plain SVG needs none")
                guard let end = find(">", from: start) else { return false }
                index = end + 1
                return true
            }
            var position = start + 9
            while position < bytes.count, bytes[position] != UInt8(ascii: ">") {
                if bytes[position] == UInt8(ascii: "[") {
                    problem(at: position, "the DOCTYPE defines entities of its own, which could hide script or references",
                            hint: "remove the [ … ] part of the DOCTYPE, or the whole DOCTYPE (SVG needs none)")
                    return false
                }
                position += 1
            }
            guard position < bytes.count else { unclosed(start, "the DOCTYPE"); return false }
            index = position + 1
            return true
        }

        /// `<?xml …?>` only; `<?xml-stylesheet?>` loads a style sheet, anything else is unknown.
        mutating func instruction(_ start: Int) -> Bool {
            guard let end = find("?>", from: start + 2) else { unclosed(start, "a processing instruction"); return false }
            var nameEnd = start + 2
            while nameEnd < end, !Self.isSpace(bytes[nameEnd]) { nameEnd += 1 }
            let target = String(decoding: bytes[start + 2..<nameEnd], as: UTF8.self)
            if target == "xml-stylesheet" {
                problem(at: start, "<?xml-stylesheet?> loads a style sheet from elsewhere (an external reference)",
                        hint: "remove it and put the styles in the SVG itself")
            } else if target.lowercased() != "xml" {
                problem(at: start, "unknown processing instruction <?\(target)?>", hint: "remove it; plain SVG needs only <?xml …?>")
            }
            index = end + 2
            return true
        }

        mutating func startTag(_ start: Int) -> Bool {
            var position = start + 1
            while position < bytes.count, !Self.isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">"),
                  bytes[position] != UInt8(ascii: "/") {
                position += 1
            }
            let name = String(decoding: bytes[start + 1..<position], as: UTF8.self)
            guard position < bytes.count else { unclosed(start, "the tag <\(name)>"); return false }
            guard !name.isEmpty else {
                problem(at: start, "a '<' that starts no element", hint: "write &lt; for a '<' in text, or save the SVG again")
                return false
            }
            let local = Self.localName(name).lowercased()
            let isRoot = !rootSeen
            if isRoot {
                rootSeen = true
                if local != "svg" {
                    problem(at: start, "not an SVG: the first element is <\(name)>", hint: "the file must start with an <svg> element")
                }
            }
            if SVGPolicy.forbiddenElements.contains(local) {
                problem(at: start, "an SVG on the site may not contain <\(name)> (it can run script)",
                        hint: "remove the <\(name)> element; a logo needs only shapes and text")
            }
            var attributes: [(name: String, value: String, offset: Int)] = []
            var selfClosing = false
            while true {
                while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
                guard position < bytes.count else { unclosed(start, "the tag <\(name)>"); return false }
                if bytes[position] == UInt8(ascii: ">") { position += 1; break }
                if starts(with: "/>", at: position) { position += 2; selfClosing = true; break }
                let nameStart = position
                while position < bytes.count, !Self.isSpace(bytes[position]), bytes[position] != UInt8(ascii: "="),
                      bytes[position] != UInt8(ascii: ">"), bytes[position] != UInt8(ascii: "/") {
                    position += 1
                }
                let attribute = String(decoding: bytes[nameStart..<position], as: UTF8.self)
                while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
                guard !attribute.isEmpty, position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                    problem(at: nameStart, "the attribute '\(attribute)' of <\(name)> has no value in quotes",
                            hint: "write \(attribute.isEmpty ? "name" : attribute)=\"…\", or save the SVG again")
                    return false
                }
                position += 1
                while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
                    problem(at: nameStart, "the value of '\(attribute)' in <\(name)> is not in quotes",
                            hint: "write \(attribute)=\"…\"")
                    return false
                }
                let quote = bytes[position]
                let valueStart = position + 1
                guard let valueEnd = bytes[valueStart...].firstIndex(of: quote) else {
                    unclosed(nameStart, "the value of '\(attribute)'")
                    return false
                }
                guard let value = decode(valueStart..<valueEnd) else { return false }
                attributes.append((attribute, value, nameStart))
                position = valueEnd + 1
            }
            for attribute in attributes { check(attribute.name, attribute.value, at: attribute.offset, element: name) }
            if isRoot { rootFacts(attributes, at: start) }
            if !selfClosing { stack.append(local) }
            index = position
            return true
        }

        static func localName(_ name: String) -> Substring {
            if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
            return Substring(name)
        }

        /// XML's five entities and character references decoded; anything else is refused (nil).
        mutating func decode(_ range: Range<Int>) -> String? {
            guard bytes[range].contains(UInt8(ascii: "&")) else { return String(decoding: bytes[range], as: UTF8.self) }
            var result = ""
            var position = range.lowerBound
            var runStart = position
            while position < range.upperBound {
                guard bytes[position] == UInt8(ascii: "&") else { position += 1; continue }
                result += String(decoding: bytes[runStart..<position], as: UTF8.self)
                guard let semicolon = bytes[position..<range.upperBound].firstIndex(of: UInt8(ascii: ";")) else {
                    problem(at: position, "an '&' that starts no entity", hint: "write &amp; for an '&'")
                    return nil
                }
                let entity = String(decoding: bytes[position + 1..<semicolon], as: UTF8.self)
                switch entity {
                case "amp": result += "&"
                case "lt": result += "<"
                case "gt": result += ">"
                case "quot": result += "\""
                case "apos": result += "'"
                default:
                    let number: UInt32? = if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                        UInt32(entity.dropFirst(2), radix: 16)
                    } else if entity.hasPrefix("#") {
                        UInt32(entity.dropFirst(), radix: 10)
                    } else {
                        nil
                    }
                    guard let number, let scalar = Unicode.Scalar(number) else {
                        problem(at: position, "unknown entity &\(entity);", hint: "write the character itself")
                        return nil
                    }
                    result.unicodeScalars.append(scalar)
                }
                position = semicolon + 1
                runStart = position
            }
            result += String(decoding: bytes[runStart..<range.upperBound], as: UTF8.self)
            return result
        }

        mutating func check(_ attribute: String, _ value: String, at offset: Int, element: String) {
            let lower = attribute.lowercased()
            let local = Self.localName(lower)
            if local.hasPrefix("on") {
                problem(at: offset, "the event attribute '\(attribute)' on <\(element)> runs script",
                        hint: "remove the attribute")
                return
            }
            let trimmed = value.trimmingWhitespace()
            if local == "href" || local == "src" {
                let target = trimmed.lowercased()
                if !(target.hasPrefix("#") || SVGPolicy.embeddedImagePrefixes.contains(where: { target.hasPrefix($0 + ";") || target.hasPrefix($0 + ",") })) {
                    problem(at: offset, "'\(attribute)' on <\(element)> refers to \(Self.shortened(trimmed)), outside the SVG",
                            hint: "an SVG on the site may refer only to its own parts (#id) or embed PNG, JPEG, GIF or WebP data; put the referenced part into the SVG")
                }
            }
            if local == "attributename" {
                let animated = Self.localName(trimmed.lowercased())
                if animated == "href" || animated.hasPrefix("on") {
                    problem(at: offset, "<\(element)> animates '\(trimmed)', which can lead to script",
                            hint: "remove the animation of '\(trimmed)'")
                }
            }
            if local == "style" {
                css(value, at: offset, what: "the style attribute of <\(element)>")
            } else if value.lowercased().contains("url(") {
                urls(in: value, at: offset, what: "'\(attribute)' on <\(element)>")
            }
        }

        /// The text of a `<style>` element: raw text (entities decoded) or a CDATA section.
        mutating func styleText(_ range: Range<Int>, decoded: Bool) {
            let text = decoded ? decode(range) : String(decoding: bytes[range], as: UTF8.self)
            guard let text else { return }
            // Located at the first offending byte when it is written as it is, else where the text starts.
            var offset = range.lowerBound
            for needle in ["\\", "@import", "url(", "expression("] {
                if let found = find(needle, from: range.lowerBound), found < range.upperBound { offset = found; break }
            }
            css(text, at: offset, what: "the <style> element")
        }

        mutating func css(_ text: String, at offset: Int, what: String) {
            let lower = text.lowercased()
            if lower.contains("\\") {
                problem(at: offset, "\(what) uses CSS escapes (\\), which could hide a reference",
                        hint: "write the CSS without backslashes")
                return
            }
            if lower.contains("@import") {
                problem(at: offset, "\(what) imports a style sheet from elsewhere (@import)",
                        hint: "put the styles into the SVG itself")
            }
            if lower.contains("expression(") {
                problem(at: offset, "\(what) uses expression(), which runs script in old browsers", hint: "remove it")
            }
            urls(in: text, at: offset, what: what)
        }

        /// Each `url(…)` must name a part of the SVG itself (`url(#gradient)`).
        mutating func urls(in text: String, at offset: Int, what: String) {
            let lower = Array(text.lowercased().utf8)
            let needle = Array("url(".utf8)
            var position = 0
            while position + needle.count <= lower.count {
                guard lower[position..<position + needle.count].elementsEqual(needle) else { position += 1; continue }
                var target = position + needle.count
                while target < lower.count, [0x20, 0x09, 0x0A, 0x0D, 0x22, 0x27].contains(lower[target]) { target += 1 }
                if target >= lower.count || lower[target] != UInt8(ascii: "#") {
                    var end = target
                    while end < lower.count, ![UInt8(ascii: ")"), 0x22, 0x27].contains(lower[end]) { end += 1 }
                    let written = String(decoding: lower[target..<end], as: UTF8.self)
                    problem(at: offset, "\(what) refers to url(\(Self.shortened(written))), outside the SVG",
                            hint: "url() may name only a part of the SVG itself, such as url(#gradient)")
                    return
                }
                position = target
            }
        }

        static func shortened(_ text: String) -> String {
            text.count > 60 ? String(text.prefix(57)) + "…" : text
        }

        /// The root `<svg>`: the SVG namespace, and a size from `viewBox` or `width`/`height`.
        mutating func rootFacts(_ attributes: [(name: String, value: String, offset: Int)], at offset: Int) {
            var values: [String: String] = [:]
            for attribute in attributes { values[attribute.name] = attribute.value }
            if values["xmlns"]?.trimmingWhitespace() != SVGPolicy.namespace {
                problem(at: offset, "the <svg> element does not declare the SVG namespace, so browsers show nothing",
                        hint: "write <svg xmlns=\"\(SVGPolicy.namespace)\" …>")
            }
            if let box = values["viewBox"] {
                let numbers = box.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" }).compactMap { Double($0) }
                if numbers.count == 4, numbers[2] > 0, numbers[3] > 0 {
                    report.width = numbers[2]
                    report.height = numbers[3]
                    return
                }
            }
            func length(_ key: String) -> Double? {
                guard var text = values[key]?.trimmingWhitespace() else { return nil }
                if text.hasSuffix("px") { text.removeLast(2) }
                return Double(text).flatMap { $0 > 0 ? $0 : nil }
            }
            if let width = length("width"), let height = length("height") {
                report.width = width
                report.height = height
            } else {
                problem(at: offset, "the <svg> element gives no size, so its proportions are unknown",
                        hint: "add viewBox=\"0 0 WIDTH HEIGHT\" to the <svg> element")
            }
        }
    }
}
