package main

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

var (
	from1970 = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	to2100   = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	from1900 = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	to2300   = time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
)

// instant picks the "after" time, mostly close to where schedules go wrong in this zone: its
// offset changes, month and year ends, leap days, whole minutes and hours.
func (g *generator) instant(zone string) string {
	loc := g.location(zone)
	var t time.Time
	switch r := g.r.intn(100); {
	case r < 20:
		t = g.uniform(from1970, to2100)
	case r < 50:
		t = g.nearTransition(loc)
	case r < 62:
		y, m := g.r.between(1995, 2045), time.Month(g.r.between(1, 12))
		t = time.Date(y, m+1, 1, 0, 0, 0, 0, loc).Add(g.delta())
	case r < 70:
		y := []int{1996, 2000, 2020, 2023, 2024, 2025, 2028, 2096, 2100}[g.r.intn(9)]
		t = time.Date(y, 2, g.r.between(28, 30), g.r.between(0, 23), g.r.pick2(0, 59), 0, 0, loc).Add(g.delta())
	case r < 78:
		t = time.Date(g.r.between(1995, 2045), 12, 31, 23, 59, 59, 0, loc).Add(g.delta())
	case r < 90:
		t = g.uniform(from1970, to2100).In(loc)
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), g.r.pick2(t.Minute(), 0), g.r.pick2(0, 59), 0, loc)
	case r < 95:
		t = g.uniform(from1900, from1970)
	default:
		t = g.uniform(to2100, to2300)
	}
	if g.r.chance(8) {
		t = t.Add(time.Duration(g.r.between(1, 999_999_999)))
	}
	return g.format(t, loc)
}

func (r *rng) pick2(a, b int) int {
	if r.chance(50) {
		return a
	}
	return b
}

// location loads the zone as the generator's Go does; a zone it cannot load is replaced, for
// choosing instants only, by one with DST changes.
func (g *generator) location(zone string) *time.Location {
	if loc, err := time.LoadLocation(strings.TrimSpace(zone)); err == nil && zone != "" {
		return loc
	}
	loc, err := time.LoadLocation(dstZones[g.r.intn(len(dstZones))])
	if err != nil {
		return time.UTC
	}
	return loc
}

func (g *generator) uniform(from, to int64) time.Time {
	return time.Unix(from+int64(g.r.next()%uint64(to-from)), 0).UTC()
}

// nearTransition finds an offset change of loc around a random moment (time.Time.ZoneBounds) and
// steps a little before or after it.
func (g *generator) nearTransition(loc *time.Location) time.Time {
	year := g.r.between(1970, 2045)
	if g.r.chance(60) {
		year = g.r.between(2005, 2035)
	}
	at := time.Date(year, time.Month(g.r.between(1, 12)), g.r.between(1, 28), 12, 0, 0, 0, loc)
	start, end := at.ZoneBounds()
	edge := end
	if end.IsZero() || (!start.IsZero() && g.r.chance(50)) {
		edge = start
	}
	if edge.IsZero() {
		return at.Add(g.delta())
	}
	return edge.Add(g.delta())
}

func (g *generator) delta() time.Duration {
	sign := time.Duration(1)
	if g.r.chance(50) {
		sign = -1
	}
	switch g.r.intn(8) {
	case 0:
		return 0
	case 1:
		return sign * time.Second
	case 2:
		return sign * 59 * time.Second
	case 3:
		return sign * time.Minute
	case 4:
		return sign * time.Duration(g.r.between(1, 4)) * 30 * time.Minute
	case 5:
		return sign * 24 * time.Hour
	default:
		return sign * time.Duration(g.r.between(0, 3*3600)) * time.Second
	}
}

// format writes RFC 3339 in UTC, in the zone, or in a fixed offset, or unix seconds.
func (g *generator) format(t time.Time, loc *time.Location) string {
	switch r := g.r.intn(100); {
	case r < 30:
		return t.UTC().Format(time.RFC3339Nano)
	case r < 55:
		return t.In(loc).Format(time.RFC3339Nano)
	case r < 65:
		offset := (g.r.between(-14*4, 14*4)) * 15 * 60
		return t.In(time.FixedZone("", offset)).Format(time.RFC3339Nano)
	default:
		s := strconv.FormatInt(t.Unix(), 10)
		if n := t.Nanosecond(); n != 0 {
			// t.Unix() is rounded down, so -5.5 s is "-6" and 0.5 s: write it as a decimal.
			whole, frac := t.Unix(), int64(n)
			if whole < 0 {
				whole, frac = whole+1, 1_000_000_000-frac
				s = "-" + strconv.FormatInt(-whole, 10)
			}
			s += "." + strings.TrimRight(strconv.FormatInt(1_000_000_000+frac, 10)[1:], "0")
		}
		return s
	}
}

// escape writes the schedule or zone on one line: \t \n \r \v \f \\ and \uXXXX for other
// non-ASCII or control characters (the Go oracle and the Java runner undo it).
func escape(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\v':
			b.WriteString(`\v`)
		case c == '\f':
			b.WriteString(`\f`)
		case c == '\\':
			b.WriteString(`\\`)
		case c < 0x20 || c >= 0x7f:
			if c > 0xffff || c == utf8.RuneError {
				panic("escape: character outside the BMP")
			}
			b.WriteString(`\u` + strconv.FormatInt(int64(0x10000+c), 16)[1:])
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}
