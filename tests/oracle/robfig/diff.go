package main

// robfig_oracle diff INPUT ROBFIG_OUT KRON_OUT [MAX_SHOWN]: compares answers
// line by line and reports the disagreements with their input lines.
//
// Lines where robfig panicked are not compared (kron answers those with an
// error by design), and any "ERR bad input line..." equals any other.

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func readLines(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	text := string(data)
	if text == "" {
		return nil, nil
	}
	return strings.Split(strings.TrimSuffix(text, "\n"), "\n"), nil
}

func sameAnswer(robfig, kron string) bool {
	const bad = "ERR bad input line"
	if strings.HasPrefix(robfig, bad) && strings.HasPrefix(kron, bad) {
		return true
	}
	return robfig == kron
}

func runDiff(args []string) int {
	if len(args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: robfig_oracle diff INPUT ROBFIG_OUT KRON_OUT [MAX_SHOWN]")
		return 2
	}
	maxShown := 20
	if len(args) > 3 {
		if n, err := strconv.Atoi(args[3]); err == nil {
			maxShown = n
		}
	}
	var files [3][]string
	for i := range files {
		lines, err := readLines(args[i])
		if err != nil {
			fmt.Fprintln(os.Stderr, "robfig_oracle diff:", err)
			return 2
		}
		files[i] = lines
	}
	input, robfig, kron := files[0], files[1], files[2]
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	disagreements, panics := 0, 0
	for i, in := range input {
		r, k := "<no line>", "<no line>"
		if i < len(robfig) {
			r = robfig[i]
		}
		if i < len(kron) {
			k = kron[i]
		}
		if r == "ERR panic" {
			panics++
			continue
		}
		if sameAnswer(r, k) {
			continue
		}
		disagreements++
		if disagreements <= maxShown {
			fmt.Fprintf(out, "line %d: %s\n  robfig: %s\n  kron:   %s\n", i+1, strconv.Quote(in), r, k)
		}
	}
	if len(kron) > len(input) || len(robfig) > len(input) {
		fmt.Fprintf(out, "extra output lines: input %d, robfig %d, kron %d\n", len(input), len(robfig), len(kron))
		disagreements++
	}
	fmt.Fprintf(out, "%d lines, %d disagreements (%d lines where robfig panics not compared)\n",
		len(input), disagreements, panics)
	if disagreements > 0 {
		return 1
	}
	return 0
}
