import Synchronization
import Testing

@testable import ClarityDelivery

@Suite("Retries of a delivery")
struct DeliveryTests {
    /// A transport that answers with the failures it is given, then accepts.
    final class ScriptedTransport: MailTransport {
        let answers: Mutex<[SubmissionFailure?]>
        let count = Mutex(0)

        init(_ answers: [SubmissionFailure?]) { self.answers = Mutex(answers) }

        func submit(_ message: OutgoingMessage) -> SubmissionFailure? {
            count.withLock { $0 += 1 }
            return answers.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        }
    }

    static let message = try! OutgoingMessage(eml: Array("From: a@shop.example\r\nTo: b@shop.example\r\n\r\nHi\r\n".utf8), origin: "test")
    static let deferred = SubmissionFailure(isTransient: true, reason: "451 try later")
    static let refused = SubmissionFailure(isTransient: false, reason: "550 no such user")

    @Test("transient failures are retried with doubling waits, at most `retries` times")
    func transientRetried() {
        let waits = Mutex<[Double]>([])
        let transport = ScriptedTransport([Self.deferred, Self.deferred, Self.deferred, Self.deferred])
        let delivery = Delivery(
            transport: transport, policy: RetryPolicy(retries: 2, firstDelay: 5), sleep: { seconds in waits.withLock { $0.append(seconds) } })
        let outcome = delivery.deliver(Self.message, log: { _ in })
        #expect(outcome == Delivery.Outcome(attempts: 3, failure: Self.deferred))
        #expect(waits.withLock { $0 } == [5, 10])
    }

    @Test("a transient failure then success delivers on the second attempt")
    func deferredThenDelivered() {
        let transport = ScriptedTransport([Self.deferred])
        let outcome = Delivery(transport: transport, policy: RetryPolicy(retries: 2, firstDelay: 0), sleep: { _ in }).deliver(
            Self.message, log: { _ in })
        #expect(outcome == Delivery.Outcome(attempts: 2, failure: nil))
        #expect(transport.count.withLock { $0 } == 2)
    }

    @Test("a permanent failure is not retried")
    func permanentNotRetried() {
        let transport = ScriptedTransport([Self.refused])
        let outcome = Delivery(transport: transport, policy: RetryPolicy(retries: 5, firstDelay: 0), sleep: { _ in }).deliver(
            Self.message, log: { _ in })
        #expect(outcome == Delivery.Outcome(attempts: 1, failure: Self.refused))
    }
}
