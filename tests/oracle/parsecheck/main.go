// Command parsecheck is kron's oracle for the schedule grammar: it parses
// each spec with robfig/cron v3 ParseStandard and prints what robfig made of
// it, one line per spec, so kron's parser can be compared against it.
//
// Input: one spec per line, hex-encoded (specs may hold newlines and any
// bytes). Output, one line each:
//
//	CRON <minute> <hour> <dom> <month> <dow> <location-hex>   (bit sets in hex, star bit included)
//	EVERY <delay-nanoseconds>
//	ERR <error-text-hex>
//	PANIC <panic-value-hex>
//
// Build: GO111MODULE=off GOPATH=/usr/share/gocode go build main.go
package main

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"os"

	"github.com/robfig/cron"
)

func describe(spec string) (line string) {
	defer func() {
		if p := recover(); p != nil {
			line = "PANIC " + hex.EncodeToString([]byte(fmt.Sprint(p)))
		}
	}()
	s, err := cron.ParseStandard(spec)
	if err != nil {
		return "ERR " + hex.EncodeToString([]byte(err.Error()))
	}
	switch v := s.(type) {
	case *cron.SpecSchedule:
		return fmt.Sprintf("CRON %x %x %x %x %x %s", v.Minute, v.Hour, v.Dom, v.Month, v.Dow,
			hex.EncodeToString([]byte(v.Location.String())))
	case cron.ConstantDelaySchedule:
		return fmt.Sprintf("EVERY %d", int64(v.Delay))
	}
	return fmt.Sprintf("PANIC %s", hex.EncodeToString([]byte(fmt.Sprintf("unknown schedule %T", s))))
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		spec, err := hex.DecodeString(in.Text())
		if err != nil {
			fmt.Fprintln(os.Stderr, "parsecheck: bad hex input:", err)
			os.Exit(2)
		}
		fmt.Fprintln(out, describe(string(spec)))
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "parsecheck:", err)
		os.Exit(2)
	}
}
