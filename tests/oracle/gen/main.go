// Command oracle_gen writes the differential test's input: deterministic
// (seeded) lines SCHEDULE<TAB>ZONE<TAB>UNIX_SECONDS<TAB>N for `kron next --tsv`
// and tests/oracle/robfig. It mixes random valid 5-field specs, sparse and
// impossible ones, descriptors, @every durations, TZ=/CRON_TZ= prefixes,
// malformed specs along every robfig/cron v3 error path, bad zones and bad
// input lines; zones are every name in tzdata.zi plus a stressed set of DST
// zones; times are uniform in 1970–2100, clustered around the zone's
// transitions, in 2037–2045 (the TZif footer rule regime) and on boundaries.
//
// robfig's Next never returns in a zone that skipped a whole calendar day
// (offset jump of 24 h or more: Pacific/Apia 2011-12-30, Pacific/Kiritimati
// 1994-12-31, ...). Such zones are found here from the zone data, and lines
// naming them only get times after their last skip.
//
// Zone names that exist only as files (posixrules, right/UTC, Europe//Berlin)
// depend on the host's zoneinfo directory, not on robfig: Kubernetes images
// resolve zones from Go's embedded tzdata, which has no such names. They are
// left out unless -file-zones is given.
//
//	oracle_gen [-seed S] [-n LINES] [-count N] [-unicode=false] [-file-zones] [-skips]
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

var (
	seed     = flag.Int64("seed", 1, "random seed")
	numLines = flag.Int("n", 200000, "number of lines")
	fixedN   = flag.Int("count", 0, "N for every line (0: random 1..20)")
	unicode  = flag.Bool("unicode", true, "include specs whose meaning rests on Go's Unicode rules (spaces, case folding, bad UTF-8)")
	fileZone = flag.Bool("file-zones", false, "include zone names Go loads from the zoneinfo directory that are not tzdata.zi names (posixrules, right/UTC, Europe//Berlin, directories, zone.tab)")
	tzdata   = flag.String("tzdata", "/usr/share/zoneinfo/tzdata.zi", "tzdata.zi to read zone names from")
	skips    = flag.Bool("skips", false, "list the zones that skipped a calendar day and exit")
)

var rng *rand.Rand

const (
	minUnix  = 0          // 1970-01-01
	maxUnix  = 4102444800 // 2100-01-01
	unix2037 = 2114380800
	unix2046 = 2398291200
	day      = 86400
)

// ---------------------------------------------------------------- zones

type zoneInfo struct {
	ok          bool
	loc         *time.Location
	transitions []int64 // offset changes in [1969, 2101]
	safeFrom    int64   // earliest time robfig cannot walk into a skipped day from
}

var zoneCache = map[string]*zoneInfo{}

func zoneOf(name string) *zoneInfo {
	if z, ok := zoneCache[name]; ok {
		return z
	}
	z := &zoneInfo{}
	zoneCache[name] = z
	loc, err := time.LoadLocation(name)
	if err != nil {
		return z
	}
	z.ok, z.loc = true, loc
	t := time.Unix(-day*365, 0).In(loc)
	for i := 0; i < 5000 && t.Unix() < maxUnix+366*day; i++ {
		_, end := t.ZoneBounds()
		if end.IsZero() {
			break
		}
		if !end.After(t) { // Go 1.19 reports a zero-length period at year ends of footer rules
			t = t.Add(time.Second)
			continue
		}
		_, before := t.Zone()
		_, after := end.Zone()
		if after != before {
			z.transitions = append(z.transitions, end.Unix())
			if after-before >= 24*3600 && end.Unix()+day > z.safeFrom {
				z.safeFrom = end.Unix() + day
			}
		}
		t = end
	}
	return z
}

func loadZoneNames() []string {
	f, err := os.Open(*tzdata)
	if err != nil {
		fmt.Fprintln(os.Stderr, "oracle_gen:", err)
		os.Exit(2)
	}
	defer f.Close()
	var names []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) >= 2 && fs[0] == "Z" {
			names = append(names, fs[1])
		} else if len(fs) >= 3 && fs[0] == "L" {
			names = append(names, fs[2])
		}
	}
	sort.Strings(names)
	return names
}

var allZones []string

var dstZones = []string{
	"America/New_York", "Europe/Berlin", "Europe/London", "Europe/Dublin", "Australia/Lord_Howe",
	"America/Sao_Paulo", "America/Havana", "America/Santiago", "Asia/Tehran", "Pacific/Chatham",
	"Antarctica/Troll", "Africa/Casablanca", "America/Los_Angeles", "America/St_Johns",
	"Australia/Sydney", "Pacific/Auckland", "America/Asuncion", "Asia/Gaza", "Africa/Cairo",
	"America/Godthab", "America/Nuuk", "Europe/Moscow", "Asia/Jerusalem", "America/Mexico_City",
	"Pacific/Apia", "Pacific/Kiritimati", "America/Scoresbysund", "Africa/El_Aaiun", "Asia/Amman",
	"America/Campo_Grande", "Asia/Dhaka", "America/Caracas", "Pacific/Norfolk", "Europe/Lisbon",
	"Asia/Damascus", "America/Miquelon", "Pacific/Easter", "Europe/Chisinau", "Asia/Beirut",
}

// Names that load in Go (they are files under the zoneinfo directory, or
// special-cased) without being tzdata.zi Zone/Link names, and names that do not.
var exoticZones = []string{
	"posix/Europe/Berlin", "right/UTC", "right/America/New_York", "localtime", "posixrules",
	"zone.tab", "tzdata.zi", "iso3166.tab", "America", "Etc", "Factory", "Europe//Berlin",
	"./UTC", "Europe/Berlin/", "Europe/./Berlin",
}

var badZones = []string{
	"Mars/Olympus_Mons", "europe/berlin", "EUROPE/BERLIN", "America/New York", "Berlin",
	"../etc/passwd", "/etc/localtime", "Europe/../UTC", "\\UTC", "UTC0", "GMT+5", "Etc/GMT+15",
	"America/New_York ", " Europe/Berlin", "Local", "UTC", "utc", "Etc/UTC", "Z", "+01:00",
	"EST", "EST5EDT", "Etc/GMT-14", "Etc/GMT+12",
}

func pick[T any](xs []T) T { return xs[rng.Intn(len(xs))] }

func chance(p float64) bool { return rng.Float64() < p }

// A zone for a line that should evaluate somewhere real.
func randomZone() string {
	switch r := rng.Float64(); {
	case r < 0.22:
		return ""
	case r < 0.55:
		return pick(dstZones)
	case r < 0.95:
		return pick(allZones)
	default:
		return pick([]string{"UTC", "Etc/UTC", "Local", "GMT", "Etc/GMT-14", "Etc/GMT+12", "Zulu"})
	}
}

// ---------------------------------------------------------------- times

func randomTime(zone string) int64 {
	z := zoneOf(zone)
	if zone == "" {
		z = zoneOf("UTC")
	}
	var t int64
	switch r := rng.Float64(); {
	case r < 0.38:
		t = minUnix + rng.Int63n(maxUnix-minUnix)
	case r < 0.73 && z.ok && len(z.transitions) > 0:
		tr := pick(z.transitions)
		if chance(0.3) {
			t = tr + rng.Int63n(7201) - 3600
			if chance(0.5) {
				t = tr + rng.Int63n(5) - 2
			}
		} else {
			t = tr + rng.Int63n(6*day+1) - 3*day
		}
	case r < 0.88:
		t = unix2037 + rng.Int63n(unix2046-unix2037)
	default:
		// Just before or on a minute, hour or local midnight boundary.
		t = minUnix + rng.Int63n(maxUnix-minUnix)
		unit := pick([]int64{60, 3600, 86400, 900})
		t -= t % unit
		if unit == 86400 && z.loc != nil {
			lt := time.Unix(t, 0).In(z.loc)
			t = time.Date(lt.Year(), lt.Month(), lt.Day(), 0, 0, 0, 0, z.loc).Unix()
		}
		t -= rng.Int63n(2)
	}
	if t < minUnix {
		t = minUnix + rng.Int63n(day)
	}
	if z.ok && t < z.safeFrom {
		t = z.safeFrom + rng.Int63n(maxUnix-z.safeFrom)
	}
	return t
}

// ---------------------------------------------------------------- specs

var monthNames = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
var dowNames = []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

type bounds struct {
	lo, hi int
	names  []string // names[i] is the name of lo+i... (for months lo=1, dow lo=0)
}

var (
	bMinute = bounds{0, 59, nil}
	bHour   = bounds{0, 23, nil}
	bDom    = bounds{1, 31, nil}
	bMonth  = bounds{1, 12, monthNames}
	bDow    = bounds{0, 6, dowNames}
	fields  = []bounds{bMinute, bHour, bDom, bMonth, bDow}
)

func mixCase(s string) string {
	switch rng.Intn(4) {
	case 0:
		return strings.ToUpper(s)
	case 1:
		return s
	case 2:
		return strings.ToUpper(s[:1]) + s[1:]
	}
	b := []byte(s)
	for i := range b {
		if chance(0.5) {
			b[i] = byte(strings.ToUpper(string(b[i]))[0])
		}
	}
	return string(b)
}

func value(b bounds, v int) string {
	if b.names != nil && chance(0.35) {
		return mixCase(b.names[v-b.lo])
	}
	if chance(0.03) {
		return "0" + strconv.Itoa(v)
	}
	if chance(0.01) {
		return "+" + strconv.Itoa(v)
	}
	return strconv.Itoa(v)
}

func randIn(b bounds) int { return b.lo + rng.Intn(b.hi-b.lo+1) }

func step(b bounds) string {
	if chance(0.7) {
		return strconv.Itoa(1 + rng.Intn(min(b.hi, 12)))
	}
	return strconv.Itoa(1 + rng.Intn(b.hi+1))
}

func min(a, b int) int {
	if a < b {
		return a
	}
	return b
}

func element(b bounds) string {
	switch r := rng.Float64(); {
	case r < 0.20:
		return "*"
	case r < 0.23:
		return "?"
	case r < 0.48:
		return value(b, randIn(b))
	case r < 0.66:
		x, y := randIn(b), randIn(b)
		if x > y {
			x, y = y, x
		}
		return value(b, x) + "-" + value(b, y)
	case r < 0.78:
		return pick([]string{"*", "*", "?"}) + "/" + step(b)
	case r < 0.85:
		return value(b, randIn(b)) + "/" + step(b)
	case r < 0.95:
		x, y := randIn(b), randIn(b)
		if x > y {
			x, y = y, x
		}
		return value(b, x) + "-" + value(b, y) + "/" + step(b)
	default:
		return pick([]string{"*/1", "?/1", "*/01", "*-3", "?-1-2", "*-x/1"})
	}
}

func field(b bounds) string {
	n := 1
	if r := rng.Float64(); r > 0.92 {
		n = 3
	} else if r > 0.75 {
		n = 2
	}
	parts := make([]string, n)
	for i := range parts {
		parts[i] = element(b)
	}
	s := strings.Join(parts, ",")
	if chance(0.005) {
		s = pick([]string{",", ",,"}) + s + pick([]string{"", ","})
	}
	if chance(0.002) {
		// robfig drops empty list items, so a field of commas selects nothing.
		s = pick([]string{",", ",,"})
	}
	return s
}

// A valid 5-field spec; minute and hour lean towards single values so that
// fire times are spread over days, months and years, not only minutes.
func validSpec() string {
	var f [5]string
	for i, b := range fields {
		f[i] = field(b)
	}
	if chance(0.5) {
		f[0] = value(bMinute, randIn(bMinute))
	}
	if chance(0.4) {
		f[1] = value(bHour, randIn(bHour))
	}
	if chance(0.3) {
		f[2] = pick([]string{"*", "?"})
	}
	if chance(0.4) {
		f[3] = "*"
	}
	if chance(0.4) {
		f[4] = pick([]string{"*", "?"})
	}
	sep := " "
	if chance(0.03) {
		sep = "  "
	}
	s := strings.Join(f[:], sep)
	if chance(0.02) {
		s = " " + s
	}
	if chance(0.02) {
		s += " "
	}
	return s
}

var specialSpecs = []string{
	"0 0 29 2 *", "0 0 31 * *", "0 0 30 2 *", "0 0 31 2,4,6,9,11 *", "0 0 29 2 1", "0 0 29 2 */1",
	"0 0 */1 2 1", "0 0 13 * 5", "0 0 13 * FRI", "0 0 1 * 1", "0 0 29 2 MON", "0 12 29 FEB ?",
	"0 0 30 2 1", "0 0 30,31 2 *", "0 0 31 4 ?", "0 0 31 4 0", "0 0 ? 2 1", "0 0 * 2 *",
	"30 2 * * *", "0 2 * * *", "0 1 * * *", "30 1 * * *", "0 3 * * *", "0 0 * * *", "59 23 * * *",
	"30 0 * * *", "0 23 * * *", "15 2 * * *", "45 1 * * *", "0 0-3 * * *", "*/30 0-3 * * *",
	"0 * * * *", "*/15 * * * *", "* * * * *", "0 0 1 1 *", "0 0 1 jan *", "0 0 1 JAN,jul *",
	"59 23 31 12 *", "0 0 28-31 * *", "0 0 ? ? ?", "5 4 * * sun", "0 22 * * 1-5", "23 0-20/2 * * *",
	"0 0,12 1 */2 *", "0 9-17 * * mon-fri", "0 0 1,15 * *", "0 0 L * *", "0 0 1 * 0,6",
	"0 0 31 12 6", "0 0 29 2 0", "0 0 31 1-12/2 *", "0 0 31 */2 *", "0 12 * * 0", "*/5 2 * * *",
	"0 0 * * 6", "0 0 1 1 1", "0 0 1 * *", "0 4 8-14 * 2", "0 4 8-14 * */1", "0 4 */1 * 2",
	"1,2,3 * * * *", "0 */12 * * *", "0 0 1-7 * 1", "0 0 1 1,4,7,10 *", "0 0 30 2,4 *",
	"0 0 1 2 ?", "0 0 29-31 2 *", "0 0 * 2 0-6", "0 0 1,* * 1", "0 0 * ,1 *", "0 0 1 * *,1",
}

var descriptors = []string{"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"}

var goodDurations = []string{
	"90s", "1h30m", "500ms", "-1s", "1s", "0s", "0", "1m", "5m", "15m", "1h", "24h", "25h", "168h",
	"8760h", "1.5h", "2h45m30s", "1h0m0.5s", "1µs", "1us", "1μs", "1ns", "100000h", "+1h", "-0s",
	".5h", "1.h", "1m30s", "59s", "61s", "3599s", "1.999s", "2562047h", "9223372036s", "-1h",
	"-9223372036854775808ns", "9223372036854775807ns", "1h1m1s1ms1us1ns", "0.000000001s", "43m",
	"7m13s", "1440m", "86400s", "604800s", "2h", "12h", "36h", "1.0000000001s", "00001s",
}

var badDurations = []string{
	"", "1", "1x", "abc", "1hh", "--1s", "1h 30m", " 1h", "1h ", "9999999999999h", "2562048h",
	"9223372036854775808ns", "-9223372036854775809ns", "1.2.3s", ".s", "s", "1e3s", "0x10s",
	"1H", "1S", "1 s", "+-1s", "1h-30m", "∞s", "1d", "1w", "-", "+", ".", "1m1",
}

var badDescriptors = []string{
	"@YEARLY", "@Yearly", "@year", "@", "@every", "@everyday", "@every1h", "@daily ", "@ daily",
	"@reboot", "@every\u00a01h", "@hourly @daily", "@monthly 0", "@midnight*", "@weekly,",
	"@every 1h @daily", "@every 1h ",
}

// One field made invalid, along one of robfig's error paths.
func badToken(i int) string {
	b := fields[i]
	common := []string{
		strconv.Itoa(b.hi + 1), strconv.Itoa(b.hi + 1 + rng.Intn(100)), "0-" + strconv.Itoa(b.hi+1),
		strconv.Itoa(b.lo+3) + "-" + strconv.Itoa(b.lo+1), "1-2-3", "*-*", "1-2-3/4", "*/2/3", "1/2/3",
		"*/0", "1-5/0", "0/0", "5-1/0", "-1", "1--2", "*/-1", "*/-0", "1/-5", "/5", "5/", "-5", "5-",
		"foo", "L", "W", "5#3", "1.5", "0x10", "1e3", "99999999999999999999", "18446744073709551616",
		"9223372036854775807", "-9223372036854775808", "*/99999999999999999999", "1-99999999999",
		"*/", "?/", "**", "*?", "1,foo", "1,-1", "2,*/0", "@", "1-jan", "sun", "jan", "sunday",
		"janu", "j", "MONDAY", "5-mon", "1 - 2", "*/1.5", "01-", "+", "-", "+-1", "-+1",
	}
	switch i {
	case 2:
		common = append(common, "0", "32", "0-31", "1-32", "L", "15W", "?-0", "0/5")
	case 3:
		common = append(common, "0", "13", "jan-13", "0-12", "feb-jan", "JANUARY", "sun", "dec/2/2")
	case 4:
		common = append(common, "7", "0-7", "sun-7", "1-7/2", "mon", "SAT-SUN", "jan", "7/1")
	case 1:
		common = append(common, "24", "0-24", "*/24/1")
	}
	return pick(common)
}

func malformedSpec() string {
	switch r := rng.Float64(); {
	case r < 0.45:
		f := strings.Fields(validSpec())
		i := rng.Intn(5)
		f[i] = badToken(i)
		if chance(0.15) {
			j := rng.Intn(5)
			f[j] = badToken(j)
		}
		return strings.Join(f, " ")
	case r < 0.62:
		f := strings.Fields(validSpec())
		switch rng.Intn(6) {
		case 0:
			return strings.Join(f[:4], " ")
		case 1:
			return strings.Join(f, " ") + " " + pick([]string{"*", "2024", "0", "?"})
		case 2:
			return "0 " + strings.Join(f, " ") // a seconds field
		case 3:
			return strings.Join(f[:rng.Intn(4)], " ")
		case 4:
			return strings.Join(f, " ") + " * *"
		default:
			return pick([]string{"", " ", "   ", "*", "* * * * * * * *", "0 0 * *", "0 0 * * * 2024"})
		}
	case r < 0.75:
		return pick(badDescriptors)
	case r < 0.88:
		return "@every " + pick(badDurations)
	default:
		return pick([]string{"TZ=", "CRON_TZ=", "TZ=UTC ", "CRON_TZ=Europe/Berlin  ", "tz=UTC ", "Tz=UTC ", "TZ:UTC ", "CRON_TZ= ", " TZ=UTC "}) +
			pick([]string{validSpec(), pick(descriptors), "", "@every 1h", malformedToken()})
	}
}

func malformedToken() string {
	f := strings.Fields(validSpec())
	i := rng.Intn(5)
	f[i] = badToken(i)
	return strings.Join(f, " ")
}

// Specs whose meaning depends on Unicode rules of Go's strings package.
func exoticSpec() string {
	spaces := []string{"\u00a0", "\u2003", "\u3000", "\v", "\f", "\u0085", "\u2028", "\u202f", "\u200b", "\ufeff"}
	switch rng.Intn(7) {
	case 0:
		f := strings.Fields(validSpec())
		return strings.Join(f, pick(spaces))
	case 1:
		return pick(spaces) + validSpec() + pick(spaces)
	case 2:
		return pick([]string{"0 0 * * FRİ", "0 0 * * frİ", "0 0 1 İ *", "0 0 * JAN-DEC SUN-SAT", "0 0 * ﬀ *",
			"0 0 * * \xff", "0 0 * * 1\xc0", "0 0 １ * *", "0 0 * * sun\u0301", "0 0 * MAY *"})
	case 3:
		return "TZ=UTC " + pick(spaces) + validSpec()
	case 4:
		return "TZ=UTC" + pick(spaces) + validSpec() // no ASCII space: robfig panics unless validSpec has one
	case 5:
		return "@every " + pick([]string{"1\u00b5s", "1\u03bcs", "1ｈ", "1h\u00a0", "１s"})
	default:
		return "CRON_TZ=UTC" + pick(spaces) + " " + validSpec()
	}
}

// ---------------------------------------------------------------- lines

func numFires() int {
	if *fixedN > 0 {
		return *fixedN
	}
	if chance(0.5) {
		return 1 + rng.Intn(5)
	}
	return 1 + rng.Intn(20)
}

// Places a zone either in the ZONE column or as a TZ=/CRON_TZ= prefix.
func withZone(spec, zone string) (string, string) {
	if zone == "" {
		return spec, ""
	}
	if chance(0.3) {
		prefix := pick([]string{"TZ=", "CRON_TZ="})
		col := ""
		if chance(0.3) {
			col = pick(allZones) // ignored: the schedule names a zone
		}
		return prefix + zone + " " + spec, col
	}
	return spec, zone
}

// The zones a line names (to keep its time clear of skipped days).
func zonesOf(spec, col string) []string {
	var zs []string
	if col != "" {
		zs = append(zs, col)
	}
	for _, p := range []string{"TZ=", "CRON_TZ="} {
		if strings.HasPrefix(spec, p) {
			rest := spec[len(p):]
			if i := strings.Index(rest, " "); i >= 0 {
				rest = rest[:i]
			}
			zs = append(zs, rest)
		}
	}
	return zs
}

func safeTime(t int64, zones []string) int64 {
	for _, z := range zones {
		if info := zoneOf(z); info.ok && t < info.safeFrom {
			t = info.safeFrom + rng.Int63n(maxUnix-info.safeFrom)
		}
	}
	return t
}

func line() string {
	var spec, col string
	zone := randomZone()
	switch r := rng.Float64(); {
	case r < 0.47:
		spec, col = withZone(validSpec(), zone)
	case r < 0.60:
		spec, col = withZone(pick(specialSpecs), zone)
	case r < 0.66:
		spec, col = withZone(pick(descriptors), zone)
	case r < 0.72:
		spec, col = withZone("@every "+pick(goodDurations), zone)
	case r < 0.89:
		spec, col = malformedSpec(), ""
		if chance(0.3) {
			col = zone
		}
	case r < 0.93:
		spec, col = pick([]string{validSpec(), pick(specialSpecs), pick(descriptors)}), pick(badZones)
		if chance(0.2) {
			spec = "TZ=" + pick(badZones) + " " + spec
			col = ""
		}
	case r < 0.95 && (*unicode || *fileZone):
		if *unicode && (!*fileZone || chance(0.6)) {
			spec = exoticSpec()
		} else if chance(0.5) {
			spec, col = validSpec(), pick(exoticZones)
		} else {
			spec = pick([]string{"TZ=", "CRON_TZ="}) + pick(exoticZones) + " " + pick([]string{validSpec(), pick(specialSpecs), pick(descriptors)})
		}
	case r < 0.96:
		return badInputLine()
	default:
		spec, col = withZone(validSpec(), pick(dstZones))
	}
	t := safeTime(randomTime(firstNonEmpty(zonesOf(spec, col))), zonesOf(spec, col))
	return spec + "\t" + col + "\t" + strconv.FormatInt(t, 10) + "\t" + strconv.Itoa(numFires())
}

func firstNonEmpty(zs []string) string {
	if len(zs) == 0 {
		return ""
	}
	return zs[len(zs)-1]
}

func badInputLine() string {
	spec := validSpec()
	return pick([]string{
		spec,
		spec + "\t\t1700000000",
		spec + "\t\t1700000000\t3\textra",
		spec + "\tUTC\tabc\t3",
		spec + "\t\t1.5\t3",
		spec + "\t\t\t3",
		spec + "\t\t1700000000\t",
		spec + "\t\t1700000000\t0",
		spec + "\t\t1700000000\t-1",
		spec + "\t\t1700000000\tx",
		spec + "\t\t+1700000000\t2",
		spec + "\t\t1700000000 \t2",
		spec + "\t\t 1700000000\t2",
		spec + "\t\t0x10\t2",
		spec + "\t\t1700000000\t+2",
		spec + "\t\t99999999999999999999\t2",
		"\t",
		"\t\t\t\t",
	})
}

func main() {
	flag.Parse()
	rng = rand.New(rand.NewSource(*seed))
	allZones = loadZoneNames()
	if *skips {
		for _, z := range append(append(allZones, exoticZones...), dstZones...) {
			if info := zoneOf(z); info.safeFrom > 0 {
				fmt.Printf("%s\tsafe from %s\n", z, time.Unix(info.safeFrom, 0).UTC().Format(time.RFC3339))
			}
		}
		return
	}
	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer out.Flush()
	for i := 0; i < *numLines; i++ {
		out.WriteString(line())
		out.WriteByte('\n')
	}
}
