package main

import (
	"strconv"
	"strings"
)

// bounds of one field, as robfig/cron v3.0.1 spec.go declares them.
type bounds struct {
	min, max int
	names    []string // index 0 is the value min
}

var (
	minutes = bounds{0, 59, nil}
	hours   = bounds{0, 23, nil}
	doms    = bounds{1, 31, nil}
	months  = bounds{1, 12, []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}}
	dows    = bounds{0, 6, []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}}
	fields  = []bounds{minutes, hours, doms, months, dows}
)

// Schedules people write, including the ones that trip over DST (02:30, 01:30), month ends,
// leap days, dates that never come (30 Feb), and other crons' syntax (L, #, 7 for Sunday).
var familiar = []string{
	"0 2 * * *", "*/15 * * * *", "30 6 * * MON-FRI", "0 0 1 * *", "0 0 29 2 *", "0 0 31 * *",
	"0 9-17/2 * * 1-5", "0 0 * * 0", "0 0 1,15 * MON", "30 2 * * *", "30 1 * * *", "0 1 * * *",
	"0 3 * * *", "0 0 * * *", "0 * * * *", "* * * * *", "0 0 30 2 *", "0 12 31 4,6,9,11 *",
	"0 0 29 2 1", "0 0 L * *", "0 0 * * 7", "15 3 * * SUN#1", "0 0 1 1 *", "59 23 31 12 *",
	"0 0 28-31 * *", "0 2 * * SUN", "0 0 * * 6,0", "*/5 1-3 * * *", "0 0,12 * * *", "45 23 * * 5",
	"0 0 1 */3 *", "0 4 8-14 * 1", "30 2 29 2 *", "0 0 ? * ?", "0/30 * * * ?", "2/5 * * * *",
	"0 0 * JAN-MAR,OCT *", "0 0 1 jan *", "0 0 * * Mon-Fri", "0 2-3 * * *", "0 0-23/6 * * *",
}

func (g *generator) schedule() string {
	switch r := g.r.intn(100); {
	case r < 55:
		return g.join(g.fiveFields())
	case r < 65:
		return familiar[g.r.intn(len(familiar))]
	case r < 79:
		return g.descriptor()
	case r < 86:
		return g.wrongFieldCount()
	case r < 96:
		return g.withOwnZone()
	default:
		return g.r.pick("", " ", "@", "@ daily", "every 5m", "0 2 * * * # nightly", "*****",
			"0 2 * * *\n", "\t0 2 * * *", "0,2 * * * *,", "0 2 * * * ", " 0 2 * * *", "0\u00a02 * * *",
			"0 2 * * *\u00a0", "TZ=", "CRON_TZ=", "CRON_TZ=UTC", "TZ=UTC0 * * * *", "cron_tz=UTC 0 2 * * *",
			"CRON_TZ=UTC  ", "CRON_TZ=UTC @daily", "TZ= @hourly", "CRON_TZ=Local 0 2 * * *")
	}
}

func (g *generator) fiveFields() []string {
	out := make([]string, len(fields))
	for i, b := range fields {
		// Day fields are often left as * (which decides the day-of-month/day-of-week rule).
		if (i == 2 || i == 4) && g.r.chance(45) {
			out[i] = g.r.pick("*", "*", "*", "?", "*/1")
			continue
		}
		out[i] = g.field(b)
	}
	return out
}

// join puts fields together mostly with one space, sometimes with other white space that Go's
// strings.Fields splits on (and some it does not: U+200B, U+FEFF are not spaces).
func (g *generator) join(parts []string) string {
	if !g.r.chance(10) {
		return strings.Join(parts, " ")
	}
	var b strings.Builder
	if g.r.chance(20) {
		b.WriteString(g.space())
	}
	for i, p := range parts {
		if i > 0 {
			b.WriteString(g.space())
		}
		b.WriteString(p)
	}
	if g.r.chance(20) {
		b.WriteString(g.space())
	}
	return b.String()
}

func (g *generator) space() string {
	return g.r.pick(" ", "  ", "\t", " \t ", "\n", "\r\n", "\v", "\f", "\u00a0", "\u0085", "\u2003",
		"\u3000", "\u1680", "\u2028", "\u200b", "\ufeff", "\u180e")
}

// field is a comma list of one to three items; now and then with empty items (",5", "5,,6").
func (g *generator) field(b bounds) string {
	n := 1
	if g.r.chance(25) {
		n = g.r.between(2, 3)
	}
	items := make([]string, n)
	for i := range items {
		items[i] = g.item(b)
	}
	f := strings.Join(items, ",")
	if g.r.chance(2) {
		f = g.r.pick(","+f, f+",", strings.Replace(f+","+f, ",", ",,", 1))
	}
	if g.r.intn(5000) == 0 {
		// No items at all: robfig accepts it and never matches. As the minute field that makes
		// Next walk five years minute by minute (about a second), so it comes up rarely.
		f = ","
	}
	return f
}

func (g *generator) item(b bounds) string {
	switch r := g.r.intn(100); {
	case r < 22:
		return "*"
	case r < 25:
		return "?"
	case r < 37:
		return g.r.pick("*", "?") + "/" + g.step(b)
	case r < 62:
		return g.value(b)
	case r < 77:
		return g.ordered(b, "")
	case r < 87:
		return g.ordered(b, "/"+g.step(b))
	case r < 95:
		return g.value(b) + "/" + g.step(b)
	case r < 97:
		return "*-" + g.value(b) // robfig reads "*-5" as "*"
	default:
		return g.badItem(b)
	}
}

// ordered is a range a-b, low before high but now and then the other way round.
func (g *generator) ordered(b bounds, step string) string {
	lo, hi := g.value(b), g.value(b)
	if x, y := b.number(lo), b.number(hi); g.r.chance(96) && x > y {
		lo, hi = hi, lo
	}
	return lo + "-" + hi + step
}

// number is the value of a number or name as robfig reads it, or -1.
func (b bounds) number(text string) int {
	for i, name := range b.names {
		if strings.EqualFold(name, text) {
			return b.min + i
		}
	}
	n, err := strconv.Atoi(text)
	if err != nil {
		return -1
	}
	return n
}

// value is mostly in range, as a number or (months, weekdays) a name in any case.
func (g *generator) value(b bounds) string {
	if g.r.chance(2) {
		return g.r.pick(strconv.Itoa(b.min-1), strconv.Itoa(b.max+1), strconv.Itoa(b.max+7), "60", "24", "32",
			"13", "7", "0", "99", "4611686018427387904", "9223372036854775807", "18446744073709551616")
	}
	v := g.r.between(b.min, b.max)
	if b.names != nil && g.r.chance(35) {
		return g.nameCase(b.names[v-b.min])
	}
	switch {
	case g.r.chance(3):
		return "0" + strconv.Itoa(v)
	case g.r.chance(2):
		return "+" + strconv.Itoa(v)
	}
	return strconv.Itoa(v)
}

func (g *generator) nameCase(name string) string {
	switch g.r.intn(4) {
	case 0:
		return strings.ToUpper(name)
	case 1:
		return strings.ToUpper(name[:1]) + name[1:]
	case 2:
		return name
	default:
		var b strings.Builder
		for _, c := range name {
			s := string(c)
			if g.r.chance(50) {
				s = strings.ToUpper(s)
			}
			b.WriteString(s)
		}
		return b.String()
	}
}

func (g *generator) step(b bounds) string {
	if g.r.chance(3) {
		return g.r.pick("0", "", "-1", "+2", "x", "1.5", "4611686018427387904", "9223372036854775807",
			"9223372036854775808", "99999999999999999999", "1000", "007")
	}
	if g.r.chance(60) {
		return g.r.pick("1", "2", "3", "4", "5", "6", "10", "15", "20", "30")
	}
	return strconv.Itoa(g.r.between(1, b.max+2))
}

// badItem: other crons' syntax and near misses. Some of these robfig accepts ("00", "*-5").
func (g *generator) badItem(b bounds) string {
	items := []string{"L", "W", "5L", "LW", "15W", "1#2", "MON#2", "1.5", "-", "-5", "5-", "1-2-3", "1/2/3",
		"/5", "5/", "**", "*5", "5*", "0x10", "1e1", "\u0663", "\uff11", "", " ", "*/*", "a", "JANUARY",
		"MONDAY", "Tues", "jan-", "-jan", "*-", "?-?", "*/5/", "00", "000000000000000000005"}
	if b.names != nil {
		items = append(items, b.names[g.r.intn(len(b.names))]+"-"+strconv.Itoa(b.max), "JAN-DEC", "SUN-SAT", "sun-mon")
	}
	return items[g.r.intn(len(items))]
}

func (g *generator) descriptor() string {
	switch r := g.r.intn(100); {
	case r < 45:
		return g.r.pick("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly")
	case r < 80:
		return "@every " + g.duration()
	default:
		return g.r.pick("@Daily", "@HOURLY", "@reboot", "@weekdays", "@every", "@every ", "@every  1h",
			"@every\t1h", "@daily ", " @daily", "@yearly\n", "@minutely", "@", "@@daily", "@every 1h ")
	}
}

// duration in Go's time.ParseDuration syntax, with near misses it rejects.
func (g *generator) duration() string {
	if g.r.chance(30) {
		return g.r.pick("1h30m", "90s", "1.5h", "500ms", "0", "0s", "-5m", "+5m", "1d", "1w", "5", "1h 30m",
			"1H", "1\u00b5s", "1us", "1000000000ns", "2562047h47m16.854775807s", "2562048h", ".5h", "1.h",
			"1..5h", "15m0s", "1h1m1s1ms1us1ns", "24h", "168h", "8760h", "0.0001s", "1e3s", "1.9s", "59.999s")
	}
	units := []string{"h", "m", "s", "ms", "us", "ns"}
	var b strings.Builder
	for n := g.r.between(1, 3); n > 0; n-- {
		b.WriteString(strconv.Itoa(g.r.between(0, 200)))
		if g.r.chance(15) {
			b.WriteString("." + strconv.Itoa(g.r.between(0, 999)))
		}
		b.WriteString(units[g.r.intn(len(units))])
	}
	return b.String()
}

func (g *generator) wrongFieldCount() string {
	switch g.r.intn(4) {
	case 0: // a seconds field first, as Quartz and robfig's own WithSeconds parser have it
		return g.join(append([]string{g.field(minutes)}, g.fiveFields()...))
	case 1: // a year field last
		return g.join(append(g.fiveFields(), strconv.Itoa(g.r.between(2020, 2030))))
	case 2:
		return g.join(g.fiveFields()[:g.r.between(1, 4)])
	default:
		return g.r.pick("", " ", "\t", "0 0 0 * * *", "0 0 2 * * ?", "0 30 2 * * * 2026")
	}
}

// withOwnZone writes a TZ=/CRON_TZ= prefix into the schedule itself (Argo's CRD pattern rejects
// that, but validation and robfig read it), sometimes without the space robfig needs.
func (g *generator) withOwnZone() string {
	prefix := g.r.pick("CRON_TZ=", "CRON_TZ=", "TZ=")
	var zone string
	switch r := g.r.intn(100); {
	case r < 60:
		zone = dstZones[g.r.intn(len(dstZones))]
	case r < 75:
		zone = fixedZones[g.r.intn(len(fixedZones))]
	case r < 88:
		zone = oddZones[g.r.intn(len(oddZones))]
	default:
		zone = g.r.pick("", "Europe/Olso", "+02:00", "utc", "Mars/Olympus")
	}
	if g.r.chance(3) {
		return prefix + zone
	}
	var rest string
	if g.r.chance(25) {
		rest = g.descriptor()
	} else if g.r.chance(30) {
		rest = familiar[g.r.intn(len(familiar))]
	} else {
		rest = g.join(g.fiveFields())
	}
	sep := " "
	if g.r.chance(10) {
		sep = g.r.pick("  ", " \t", "\t ")
	}
	return prefix + zone + sep + rest
}
