@testable import Rendering
import Testing

/// A list page links to the first and last page and a window around its own, not to every page.
@Suite struct PageNumberTests {
    /// The numbers as written on the page, with `…` where pages were left out.
    static func shown(_ current: Int, _ total: Int) -> String {
        PaginationContext.pageNumbers(current: current, total: total)
            .map { ($0.gapBefore ? "… " : "") + String($0.number) }.joined(separator: " ")
    }

    @Test func showsEveryPageOfShortLists() {
        #expect(Self.shown(1, 1) == "1")
        #expect(Self.shown(1, 2) == "1 2")
        #expect(Self.shown(4, 7) == "1 2 3 4 5 6 7")
    }

    @Test func showsAWindowAroundTheCurrentPageOfLongLists() {
        #expect(Self.shown(1, 78) == "1 2 3 … 78")
        #expect(Self.shown(40, 78) == "1 … 38 39 40 41 42 … 78")
        #expect(Self.shown(78, 78) == "1 … 76 77 78")
        // A gap of one page shows the page: "1 … 3" would hide page 2 behind an ellipsis.
        #expect(Self.shown(5, 78) == "1 2 3 4 5 6 7 … 78")
        #expect(Self.shown(74, 78) == "1 … 72 73 74 75 76 77 78")
    }

    @Test func linksStayFewHoweverLongTheList() {
        for total in [10, 100, 1_000] {
            for current in 1...total {
                let numbers = PaginationContext.pageNumbers(current: current, total: total).map(\.number)
                #expect(numbers.count <= 9)
                #expect(numbers == numbers.sorted() && Set(numbers).count == numbers.count)
                #expect(numbers.first == 1 && numbers.last == total && numbers.contains(current))
            }
        }
    }
}
