import Testing

/// The suites that run the built tool, Chromium or megabyte-sized renders, one test at a time.
///
/// Swift Testing runs synchronous tests on its cooperative threads, one per core. These tests block a thread for seconds;
/// side by side on a 2-core machine they would hold every thread and starve the async tests (the fetch tests' local
/// servers stop after 30 s). One at a time, they leave the other threads to the rest of the suite.
@Suite(.serialized) enum OneAtATime {}
