"""Runs a command, stamps every line (and every carriage-return progress update) of its output with the
milliseconds since the process was started, and prints one Markdown table row of start-up phases.

The phases come from the debug log (slf4j-simple with wall-clock times, converted to milliseconds since the process
start) and the CLI's progress lines:
  start         process start -> "wrote .../config.json" (JVM, picocli, the hardware probe of a first run)
  resolve       -> the last "<role> model: ... (embedded)" line: every role resolved; the class-path models
                extracted to the data directory and their sha256 checked while copying
  open          -> the first progress line ("discovering"): the OCR engine's ONNX sessions are created
  text load     the "loaded <model.onnx> ... in N ms" line: the sentence embedder loads lazily, on its first batch
  first photo   process start -> the first progress line with 1 or more files done (the first batch committed)
  total         process start -> exit
"""
import datetime
import re
import subprocess
import sys
import time

STAMP = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d\d\d) ")
DONE = re.compile(r"\]\s+(\d+)/(\d+) files")


def main(argv):
    if argv[:1] == ["--header"]:
        print("| run | start ms | resolve + extract + verify ms | open OCR ms | text load ms | first photo ms "
              "| total ms | photos |")
        print("|---|---|---|---|---|---|---|---|")
        return 0
    out = argv[argv.index("--out") + 1]
    cmd = argv[argv.index("--") + 1:]
    start_wall = datetime.datetime.now()
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    events = []
    buf = b""
    while True:
        chunk = proc.stdout.read1(4096)
        if not chunk:
            break
        buf += chunk
        parts = re.split(rb"[\r\n]|(?=\d\d:\d\d:\d\d\.\d\d\d (?:TRACE|DEBUG|INFO|WARN|ERROR) )", buf)
        buf = parts.pop()
        now = (time.monotonic() - start) * 1000
        for p in parts:
            if p.strip():
                events.append((now, p.decode("utf-8", "replace")))
    rc = proc.wait()
    total = (time.monotonic() - start) * 1000
    if buf.strip():
        events.append((total, buf.decode("utf-8", "replace")))

    def logged_at(line):
        # a log line's own time is more exact than when the pipe delivered it
        m = STAMP.match(line)
        if not m:
            return None
        h, mi, s, ms = map(int, m.groups())
        t = start_wall.replace(hour=h, minute=mi, second=s, microsecond=ms * 1000)
        return (t - start_wall).total_seconds() * 1000

    configured = resolved = first_progress = first_photo = text_load = None
    photos = "?"
    with open(out, "w") as f:
        for at, line in events:
            at = logged_at(line) or at
            f.write(f"{at:9.0f} {line}\n")
            if configured is None and re.search(r"ModelConfigFile - wrote ", line):
                configured = at
            if re.search(r" model: .*\((embedded|cache|download|explicit)\)$", line):
                resolved = at
            m = re.search(r"OnnxSentenceEmbedder - loaded .* in (\d+) ms", line)
            if m:
                text_load = int(m.group(1))
            if re.search(r"\] +\d+/\d+ files", line):
                first_progress = first_progress if first_progress is not None else at
                done, of = map(int, DONE.search(line).groups())
                photos = of
                if done >= 1 and first_photo is None:
                    first_photo = at
        f.write(f"{total:9.0f} exit {rc}\n")
    if rc != 0:
        print(f"command failed with exit code {rc}; see {out}", file=sys.stderr)
        return rc

    def span(a, b):
        return "?" if a is None or b is None else f"{b - a:.0f}"

    run = re.sub(r"\D", "", out.rsplit("-", 1)[-1]) or "1"
    print(f"| {run} | {span(0, configured)} | {span(configured, resolved)} | {span(resolved, first_progress)} "
          f"| {text_load if text_load is not None else '?'} | {span(0, first_photo)} | {total:.0f} | {photos} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
