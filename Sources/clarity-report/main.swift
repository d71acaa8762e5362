import ClarityApp

ClarityReportCommand.main()
