// Command robfig_oracle answers kron's conformance protocol with the real
// robfig/cron v3 (github.com/robfig/cron, v3.0.1), so that kron can be diffed
// against the library the Kubernetes API server and CronJob controller use.
//
//	robfig_oracle next --tsv [--last]  < lines
//	robfig_oracle diff INPUT ROBFIG_OUT KRON_OUT [MAX_SHOWN]   (see diff.go)
//
// Each stdin line is SCHEDULE<TAB>ZONE<TAB>UNIX_SECONDS<TAB>N. A non-empty
// ZONE is applied the way the CronJob controller applies spec.timeZone: the
// schedule becomes "TZ=<ZONE> <SCHEDULE>" unless it already contains "TZ"
// (pkg/controller/cronjob/utils.go, formatSchedule). Times are handed to
// Next in UTC. One output line per input line:
//
//	t1 t2 ... tN            unix seconds, each Next called from the previous result
//	t1 ... tk 0             robfig returned the zero time after k results
//	tN / 0                  with --last: only the Nth (or 0)
//	ERR <robfig's error>    the schedule does not parse
//	ERR panic               robfig panicked (not comparable: kron returns an error)
//	ERR bad input line      wrong column count, or a number kron's CLI would refuse
//
// robfig never returns for some zones that skipped a calendar day (e.g.
// Pacific/Apia, 2011-12-30). A watchdog aborts the process (exit 3, the line
// on stderr) if one Next call runs for more than 10 s, instead of hanging.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/robfig/cron"
)

// Next calls completed, and whether one is in progress (for the watchdog).
var progress, busy int64
var currentLine atomic.Value

func watchdog() {
	last, stuck := int64(-1), 0
	for range time.Tick(time.Second) {
		p := atomic.LoadInt64(&progress)
		if atomic.LoadInt64(&busy) == 1 && p == last {
			stuck++
			if stuck >= 10 {
				fmt.Fprintf(os.Stderr, "robfig_oracle: robfig's Next did not return within 10 s for input line:\n%s\n",
					currentLine.Load())
				os.Exit(3)
			}
		} else {
			stuck = 0
		}
		last = p
	}
}

// parseDecimal accepts what kron's CLI accepts: an optional '-' and ASCII digits.
func parseDecimal(s string) (int64, bool) {
	digits := strings.TrimPrefix(s, "-")
	if digits == "" {
		return 0, false
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return 0, false
		}
	}
	v, err := strconv.ParseInt(s, 10, 64)
	return v, err == nil
}

func parse(spec string) (sched cron.Schedule, err error, panicked bool) {
	defer func() {
		if r := recover(); r != nil {
			panicked = true
		}
	}()
	sched, err = cron.ParseStandard(spec)
	return
}

func answer(line string, lastOnly bool, out *bufio.Writer) {
	cols := strings.Split(line, "\t")
	if len(cols) != 4 {
		out.WriteString("ERR bad input line\n")
		return
	}
	after, ok1 := parseDecimal(cols[2])
	n, ok2 := parseDecimal(cols[3])
	if !ok1 || !ok2 || n < 1 {
		out.WriteString("ERR bad input line\n")
		return
	}
	spec := cols[0]
	if cols[1] != "" && !strings.Contains(spec, "TZ") {
		spec = "TZ=" + cols[1] + " " + spec
	}
	sched, err, panicked := parse(spec)
	if panicked {
		out.WriteString("ERR panic\n")
		return
	}
	if err != nil {
		out.WriteString("ERR ")
		out.WriteString(err.Error())
		out.WriteByte('\n')
		return
	}
	t := time.Unix(after, 0).UTC()
	buf := make([]byte, 0, 16)
	for i := int64(1); i <= n; i++ {
		atomic.StoreInt64(&busy, 1)
		t = sched.Next(t)
		atomic.AddInt64(&progress, 1)
		atomic.StoreInt64(&busy, 0)
		zero := t.IsZero()
		if !lastOnly || i == n || zero {
			if !lastOnly && i > 1 {
				out.WriteByte(' ')
			}
			if zero {
				out.WriteByte('0')
			} else {
				buf = strconv.AppendInt(buf[:0], t.Unix(), 10)
				out.Write(buf)
			}
		}
		if zero {
			break
		}
	}
	out.WriteByte('\n')
}

func main() {
	args := os.Args[1:]
	if len(args) >= 1 && args[0] == "diff" {
		os.Exit(runDiff(args[1:]))
	}
	if len(args) >= 1 && args[0] == "next" {
		args = args[1:]
	}
	tsv, lastOnly := false, false
	for _, a := range args {
		switch a {
		case "--tsv":
			tsv = true
		case "--last":
			lastOnly = true
		default:
			fmt.Fprintf(os.Stderr, "robfig_oracle: unexpected argument %q\nusage: robfig_oracle next --tsv [--last]\n", a)
			os.Exit(2)
		}
	}
	if !tsv {
		fmt.Fprintln(os.Stderr, "usage: robfig_oracle next --tsv [--last]")
		os.Exit(2)
	}
	go watchdog()
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer out.Flush()
	for {
		line, err := in.ReadString('\n')
		if len(line) > 0 {
			// One answer per line; CRLF line ends are accepted like LF.
			line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
			currentLine.Store(line)
			answer(line, lastOnly, out)
		}
		if err != nil {
			break
		}
	}
}
