#if canImport(Glibc)
import Glibc
#endif
import CNcursesw
import TerminalUI

extension CursesTerminal {
    /// How long a bracketed paste may pause between chunks before it is delivered as it is.
    static let pasteWaitMilliseconds = 100

    /// Waits up to `timeoutMilliseconds` (negative: forever) for the first input, then drains
    /// everything already pending without waiting, and returns it in order: typed text as
    /// grapheme clusters, keys, mouse clicks, the latest size, pastes. Empty: the time ran out.
    ///
    /// - Throws: ``TerminalInputClosed`` at end of input (stdin closed, `</dev/null`, hang-up),
    ///   detected without spinning.
    public func events(timeoutMilliseconds: Int) throws(TerminalInputClosed) -> [InputEvent] {
        guard !restored else { throw TerminalInputClosed() }
        activate()
        var events: [InputEvent] = []
        guard let first = try read(timeout: timeoutMilliseconds) else { return events }
        handle(first, into: &events)
        while let next = try read(timeout: paste != nil ? Self.pasteWaitMilliseconds : 0, detectEOF: false) {
            handle(next, into: &events)
        }
        if let text = paste {  // the end marker never came
            paste = nil
            events.append(.paste(text))
        }
        flushText(into: &events)
        return events
    }

    /// One `wget_wch`, waiting up to `timeout` ms (negative: forever). `nil`: nothing came in time.
    private func read(timeout: Int, detectEOF: Bool = true) throws(TerminalInputClosed) -> (status: Int32, code: UInt32)? {
        let clock = ContinuousClock()
        let start = clock.now
        var remaining = timeout
        while true {
            wtimeout(window, Int32(clamping: remaining))
            var code: wint_t = 0
            errno = 0
            let status = wget_wch(window, &code)
            if status != ERR { return (status, code) }
            let interrupted = errno == EINTR
            if interrupted && TerminalCleanup.pendingSignal != 0 { return nil }  // the loop winds up
            // ERR also means "no input yet" with a timeout: only a readable-but-empty stdin is EOF.
            if detectEOF, !interrupted, inputAtEOF() { throw TerminalInputClosed() }
            if timeout == 0 { return nil }
            if timeout > 0 {
                let elapsed = start.duration(to: clock.now).components
                remaining = timeout - Int(elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000)
                if remaining <= 0 || !interrupted { return nil }
            } else if !interrupted {
                // A blocking read failed without EOF: wait for input instead of spinning.
                var p = pollfd(fd: inFD, events: Int16(POLLIN), revents: 0)
                _ = poll(&p, 1, 100)
            }
        }
    }

    /// Whether stdin is at its end: `poll` says readable (or hung up) but nothing can be read.
    func inputAtEOF() -> Bool {
        var p = pollfd(fd: inFD, events: Int16(POLLIN), revents: 0)
        let ready = poll(&p, 1, 0)
        if ready < 0 { return errno != EINTR && errno != EAGAIN }
        if ready == 0 { return false }
        if p.revents & Int16(POLLNVAL) != 0 { return true }
        return ncs_bytes_readable(inFD) <= 0  // -1: FIONREAD unsupported (/dev/null) and readable
    }

    private func handle(_ raw: (status: Int32, code: UInt32), into events: inout [InputEvent]) {
        let input = CursesKeyDecoder.decode(status: raw.status, code: raw.code)
        if paste != nil {
            collectPaste(input, raw: raw, into: &events)
            return
        }
        if case .text(let scalar) = input {
            pendingText.append(scalar)
            return
        }
        flushText(into: &events)
        switch input {
        case .key(let key):
            events.append(.key(key))
        case .resize:
            if case .resize = events.last { events.removeLast() }
            events.append(.resize(Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))))
        case .mouse:
            var event = MEVENT()
            if getmouse(&event) == OK,
               let mouse = CursesKeyDecoder.mouse(state: event.bstate, x: Int(event.x), y: Int(event.y),
                                                  buttonDown: &buttonDown) {
                events.append(.mouse(mouse))
            }
        case .pasteStart:
            paste = ""
            pasteAfterCR = false
        case .pasteEnd, .ignored, .text:
            break
        }
    }

    /// Inside a bracketed paste everything is text: CR, LF and CRLF become "\n", tab stays; other
    /// keys are dropped (they are never commands).
    private func collectPaste(_ input: CursesInput, raw: (status: Int32, code: UInt32),
                              into events: inout [InputEvent]) {
        let afterCR = pasteAfterCR
        pasteAfterCR = raw.status == OK && raw.code == 13
        switch input {
        case .text(let scalar):
            paste?.unicodeScalars.append(scalar)
        case .key(.enter):
            if !(afterCR && raw.code == 10) { paste?.append("\n") }
        case .key(.tab):
            paste?.append("\t")
        case .pasteEnd:
            events.append(.paste(paste ?? ""))
            paste = nil
        default:
            break
        }
    }

    /// Emits the typed text gathered so far, one event per grapheme cluster.
    private func flushText(into events: inout [InputEvent]) {
        guard !pendingText.isEmpty else { return }
        for character in String(pendingText) { events.append(.key(.char(character))) }
        pendingText = String.UnicodeScalarView()
    }
}
