import ClarityRender
import Testing

@Suite struct EmailSparklineTextTests {
    @Test func scalesFromTheLowestToTheHighestValue() {
        #expect(SparklineText.render([1, 2, 3, 4, 5, 6, 7, 8]) == "▁▂▃▄▅▆▇█")
        #expect(SparklineText.render([-5, 5]) == "▁█")
        #expect(SparklineText.render([100, 150, 200]) == "▁▅█")
    }

    @Test func marksMissingAndNonFiniteValues() {
        #expect(SparklineText.render([0, nil, 10, .nan, .infinity]) == "▁·█··")
        #expect(SparklineText.render([nil, nil]) == "··")
        #expect(SparklineText.render([]) == "")
    }

    @Test func drawsAFlatSeriesInTheMiddle() {
        #expect(SparklineText.render([3, 3, nil, 3]) == "▄▄·▄")
    }
}
