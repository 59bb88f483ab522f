import TerminalUI

/// docs/keys.md, generated from the command registry (a test fails when the file is stale).
public enum KeysDoc {
    public static func markdown(_ keymap: Keymap = .standard) -> String {
        var out = """
            # Keys

            Generated from pilotwave's command registry by `pilotwave keys`; do not edit by hand.
            Every command is also in the command palette (`:` or Ctrl-P) unless marked "keys only".
            Rebind keys in `$XDG_CONFIG_HOME/pilotwave/config.toml` (see the user guide).

            Key names as written in the config file: single characters (`j`, `G`, `?`), `space`,
            `enter`, `esc`, `tab`, `shift-tab`, `up`, `down`, `left`, `right`, `home`, `end`, `pgup`,
            `pgdn`, `delete`, `backspace`, `f1`…`f24`, `ctrl-x`.

            """
        for context in KeyContext.allCases {
            out += "\n## \(context.title)\n\n| keys | command | id | what it does |\n|---|---|---|---|\n"
            for command in CommandRegistry.all where command.context == context {
                let keys = keymap.keys(command.id).map { "`\($0.spec)`" }.joined(separator: ", ")
                let note = command.inPalette ? "" : " (keys only)"
                out += "| \(keys.isEmpty ? "—" : keys) | \(command.title)\(note) | `\(command.id)` | \(command.help) |\n"
            }
        }
        out += """

            ## In text fields

            | keys | what they do |
            |---|---|
            | `left` `right`, `ctrl-b` `ctrl-f` | move the cursor |
            | `home` `end`, `ctrl-a` `ctrl-e` | to the start or end |
            | `backspace` / `delete` (`ctrl-d`) | delete before / after the cursor |
            | `ctrl-u` / `ctrl-k` | delete to the start / to the end |
            | `ctrl-w` | delete the word before the cursor |
            | paste | inserts the text (line breaks become spaces) |

            In the team form: `left` `right` (or `space`) change a choice; `1`–`5` set a rating, `0`
            clears it (unrated).

            ## The participant's screen (`pilotwave join`)

            | keys | what they do |
            |---|---|

            """
        for (keys, what) in JoinState.keyTable { out += "| \(keys) | \(what) |\n" }
        return out
    }
}
