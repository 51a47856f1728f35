// Ctrl+C (SIGINT) and SIGTERM for the commands that write a TM (align --tm, import, a folder
// alignment). Outside a TM write a signal stops the command at once (nothing was stored
// yet); during one (DeferInterrupts) the handler only notes the signal, the command sees it
// at its next check, rolls back what is not committed (the TM refuses commits once a signal
// came: RefuseCommitsWhen), says what was kept, and exits 128 + the signal: 130 for SIGINT,
// 143 for SIGTERM. The handler is async-signal-safe: it sets a flag, or writes and _exits.
#pragma once

namespace tmalign::cli {

// Installs the handlers for SIGINT and SIGTERM; `message` (a constant string, e.g.
// "tmalign align: interrupted: nothing was stored\n") is what an immediate stop prints.
void CatchInterrupts(const char* message);

// While one exists, a signal is noted instead of stopping the process.
class DeferInterrupts {
 public:
  DeferInterrupts();
  ~DeferInterrupts();
  DeferInterrupts(const DeferInterrupts&) = delete;
  DeferInterrupts& operator=(const DeferInterrupts&) = delete;
};

// The signal received (SIGINT or SIGTERM) since CatchInterrupts, or 0.
int InterruptSignal();
inline bool Interrupted() { return InterruptSignal() != 0; }
// 128 + the signal: the exit code of an interrupted command (130 SIGINT, 143 SIGTERM).
int InterruptExitCode();
// "SIGINT" or "SIGTERM".
const char* InterruptName();

// For TranslationMemory::RefuseCommitsWhen: PauseForTest("commit"), then Interrupted().
bool InterruptedAtCommit();

// Test hook: when $TMALIGN_TEST_PAUSE is `point` or "POINT:N", the first (or the Nth) call
// prints "tmalign: paused at $TMALIGN_TEST_PAUSE" on stderr and waits (up to 60 s) for a
// signal, so a test can interrupt the command at a known place. Does nothing otherwise.
// Points: "commit" (every TM commit of an interruptible command, inside its transaction),
// "import" (inside the import of a file, every 4096 units).
void PauseForTest(const char* point);

}  // namespace tmalign::cli
