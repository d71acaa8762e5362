import Testing

@testable import ClarityModel

@Suite("Dimensions and segments compare by case and canonical order")
struct DimensionTests {
    @Test("order, equality and hashing follow the cases in canonical order")
    func order() {
        #expect(Dimension.allCases.sorted() == Dimension.allCases)
        #expect(Dimension.allCases.map(\.ordinal) == Array(0..<Dimension.allCases.count))
        #expect(Dimension.browser < Dimension.url && !(Dimension.url < Dimension.browser) && Dimension.os != Dimension.country)
        #expect(Set(Dimension.allCases + Dimension.allCases).count == Dimension.allCases.count)
        #expect(DimensionSet([.url, .browser, .url]).dimensions == [.browser, .url])
    }

    @Test("a segment's dimension set equals the set built from its values in any order, repeats and all")
    func segmentDimensions() {
        let values = [Segment.DimensionValue(.url, "/a"), Segment.DimensionValue(.os, "iOS"), Segment.DimensionValue(.browser, "Safari")]
        let segment = Segment(values)
        #expect(segment.dimensions == DimensionSet([.url, .os, .browser]))
        #expect(segment.dimensions.key == "Browser+OS+URL")
        // A repeated dimension (never stored, but possible in code) still gives a set without repeats.
        let repeated = Segment([Segment.DimensionValue(.url, "/a"), Segment.DimensionValue(.url, "/b")])
        #expect(repeated.dimensions == DimensionSet([.url]) && repeated.dimensions.dimensions == [.url])
        #expect(Segment.site.dimensions == DimensionSet.none)
    }
}
