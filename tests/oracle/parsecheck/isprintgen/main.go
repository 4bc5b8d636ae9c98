// Command isprintgen prints, as a C++ initializer list, the code point ranges
// (above U+00FF) for which Go's strconv.IsPrint is true. Its output is the
// kGoPrintRanges table in engine/src/go_strconv.cc; rerun it with the Go
// release kron follows (1.19) if that release changes.
//
//	GO111MODULE=off go run ./tests/oracle/parsecheck/isprintgen
package main

import (
	"fmt"
	"strconv"
)

func main() {
	inRange := false
	var lo rune
	n := 0
	for r := rune(0x100); r <= 0x110000; r++ {
		printable := r <= 0x10FFFF && strconv.IsPrint(r)
		switch {
		case printable && !inRange:
			lo, inRange = r, true
		case !printable && inRange:
			if n%5 == 0 {
				fmt.Print("    ")
			}
			fmt.Printf("{0x%05X, 0x%05X},", lo, r-1)
			n++
			if n%5 == 0 {
				fmt.Println()
			} else {
				fmt.Print(" ")
			}
			inRange = false
		}
	}
	fmt.Println()
}
