import ArgumentParser
import ClarityApp

@main
extension ClarityReportCommand {}
