extension StringProtocol {
    /// The text without leading and trailing white space (Unicode White_Space: spaces, tabs, line breaks,
    /// no-break spaces), like `trimmingCharacters(in: .whitespacesAndNewlines)` without Foundation's
    /// bridging, which is slow on Linux and runs for every front matter field. Returns the text as it is
    /// when there is nothing to trim.
    public func trimmingWhitespace() -> String {
        trimming { $0.properties.isWhitespace }
    }

    /// The text without leading and trailing scalars for which `isTrimmed` holds.
    public func trimming(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let end = scalars.index(after: scalars.lastIndex(where: { !isTrimmed($0) })!)
        if first == scalars.startIndex, end == scalars.endIndex, let whole = self as? String {
            return whole
        }
        // Scalar boundaries are string indices: the kept part is copied as it is, not scalar by scalar.
        return String(self[first..<end])
    }
}
