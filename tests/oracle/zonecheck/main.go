// zonecheck prints what Go's time package (the one robfig/cron uses) answers
// for zone offsets and for time.Date, so kron's zones can be compared with it.
//
// Build: GO111MODULE=off go build -o zonecheck .
//
// Input (stdin), one zone per line:  <name> [<unix seconds> ...]
// The listed instants (kron's own transitions) are checked at t-1, t, t+1;
// zonecheck adds Go's own transitions from 1850 to 2450 (walked with
// Time.ZoneBounds, also ±1 s) and a deterministic set of random instants.
//
// Output, one line each:
//
//	O <name> <unix> <offset> <isdst 0|1>     offset of an instant
//	D <name> <local> <unix>                  time.Date of a wall-clock reading
//	                                         (local = wall clock as if UTC)
//	E <name> <error>                         LoadLocation failed
package main

import (
	"bufio"
	"fmt"
	"math/rand"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

const (
	from = -3786825600 // 1850-01-01T00:00:00Z
	to   = 15305299200 // 2455-01-01T00:00:00Z
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer out.Flush()
	for in.Scan() {
		fields := strings.Fields(in.Text())
		if len(fields) == 0 {
			continue
		}
		name := fields[0]
		loc, err := time.LoadLocation(name)
		if err != nil {
			fmt.Fprintf(out, "E %s %s\n", name, err)
			continue
		}
		// Seeded per zone so each zone's sample is stable on its own.
		seed := int64(0)
		for _, c := range name {
			seed = seed*131 + int64(c)
		}
		rng := rand.New(rand.NewSource(seed))

		set := map[int64]bool{}
		var transitions []int64
		for _, f := range fields[1:] {
			t, err := strconv.ParseInt(f, 10, 64)
			if err != nil {
				fmt.Fprintf(os.Stderr, "bad instant %q\n", f)
				os.Exit(2)
			}
			transitions = append(transitions, t)
		}
		// Go's own transitions. ZoneBounds reports year starts as bounds in
		// the rule era, which only adds points.
		for t := int64(from); t < to; {
			_, end := time.Unix(t, 0).In(loc).ZoneBounds()
			if end.IsZero() {
				break
			}
			next := end.Unix()
			if next <= t {
				// tzset reports a leap year's rule-era end as start + 365 days,
				// which can be t itself: step over it.
				t += 86400
				continue
			}
			t = next
			transitions = append(transitions, t)
		}
		for _, t := range transitions {
			set[t-1], set[t], set[t+1] = true, true, true
		}
		for i := 0; i < 300; i++ {
			set[from+rng.Int63n(to-from)] = true
		}
		// A few far instants, where kron answers from the rule directly.
		for i := 0; i < 50; i++ {
			set[to+rng.Int63n(253402300799-to)] = true
		}
		instants := make([]int64, 0, len(set))
		for t := range set {
			instants = append(instants, t)
		}
		sort.Slice(instants, func(i, j int) bool { return instants[i] < instants[j] })
		for _, t := range instants {
			tt := time.Unix(t, 0).In(loc)
			_, off := tt.Zone()
			dst := 0
			if tt.IsDST() {
				dst = 1
			}
			fmt.Fprintf(out, "O %s %d %d %d\n", name, t, off, dst)
		}
		// time.Date around each transition: wall-clock readings in and around
		// gaps and overlaps, plus random readings.
		locals := map[int64]bool{}
		for _, t := range transitions {
			_, before := time.Unix(t-1, 0).In(loc).Zone()
			_, after := time.Unix(t, 0).In(loc).Zone()
			for _, l := range []int64{t + int64(before), t + int64(after)} {
				for _, d := range []int64{-1801, -1, 0, 1, 1799} {
					locals[l+d] = true
				}
			}
		}
		for i := 0; i < 100; i++ {
			locals[from+rng.Int63n(to-from)] = true
		}
		ls := make([]int64, 0, len(locals))
		for l := range locals {
			ls = append(ls, l)
		}
		sort.Slice(ls, func(i, j int) bool { return ls[i] < ls[j] })
		for _, l := range ls {
			u := time.Unix(l, 0).UTC()
			d := time.Date(u.Year(), u.Month(), u.Day(), u.Hour(), u.Minute(), u.Second(), 0, loc)
			fmt.Fprintf(out, "D %s %d %d\n", name, l, d.Unix())
		}
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}
