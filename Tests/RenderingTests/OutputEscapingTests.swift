@testable import Rendering
import Testing

/// The escapes of the calendar and of JSON inside a page.
@Suite struct OutputEscapingTests {
    @Test func calendarAndScriptEscapes() {
        // CRLF and LF become \n; a lone CR is dropped.
        #expect(CalendarWriter.escape("a;b,c\\d\r\ne\rf\ng") == "a\\;b\\,c\\\\d\\nef\\ng")
        #expect(StructuredData.serialise(["name": "</script><b>&"]) == "{\"name\":\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\"}")
    }
}
