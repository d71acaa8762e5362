/// Why `send` or `weekly --send` cannot start: settings, password or a file to send; exits 1 with nothing sent or kept.
struct SendError: Error, CustomStringConvertible {
    let message: String

    var description: String { message }
}
