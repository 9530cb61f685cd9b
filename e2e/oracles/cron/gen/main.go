// Command cron-oracle-gen writes random (schedule, zone, instant) triples for cron-oracle and the
// Java comparison, one a line: schedule <TAB> zone <TAB> instant (see ../main.go for the escaping).
//
//	cron-oracle-gen -n 100000 -seed 20260101 > triples.tsv
//
// The stream depends only on -seed and -n (our own splitmix64, not math/rand, so it is the same
// on every Go version), except that instants near zone transitions are found with the tz
// database the generator runs with; the seed is printed to stderr.
//
// The grammar covered is robfig/cron v3.0.1's ParseStandard (parser.go): five fields of
// star/?/number/name, a-b ranges, /steps, comma lists; descriptors and @every <duration>;
// TZ=/CRON_TZ= prefixes. Around it: out-of-range and malformed fields, wrong field counts, odd
// white space, and zones with DST, half-hour and 45-minute offsets, skipped days, and invalid names.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"
)

// rng is splitmix64 (Steele, Lea, Flood 2014): tiny, and its output is fixed by its seed.
type rng struct{ state uint64 }

func (r *rng) next() uint64 {
	r.state += 0x9E3779B97F4A7C15
	z := r.state
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// intn returns 0 <= n < max (max > 0); the tiny modulo bias does not matter here.
func (r *rng) intn(max int) int { return int(r.next() % uint64(max)) }

func (r *rng) chance(percent int) bool { return r.intn(100) < percent }

func (r *rng) pick(options ...string) string { return options[r.intn(len(options))] }

func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

func main() {
	n := flag.Int("n", 100000, "number of triples")
	seed := flag.Uint64("seed", 20260101, "random seed")
	flag.Parse()
	fmt.Fprintf(os.Stderr, "cron-oracle-gen: seed %d, %d triples\n", *seed, *n)
	g := &generator{r: &rng{state: *seed}}
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()
	for i := 0; i < *n; i++ {
		zone := g.zone()
		schedule := g.schedule()
		if (strings.HasPrefix(schedule, "TZ=") || strings.HasPrefix(schedule, "CRON_TZ=")) && g.r.chance(70) {
			zone = "" // spec.timezone set as well makes robfig see two prefixes: rejected
		}
		instant := g.instant(zone)
		fmt.Fprintf(out, "%s\t%s\t%s\n", escape(schedule), escape(zone), instant)
	}
}

type generator struct{ r *rng }

// --- time zones (spec.timezone) -----------------------------------------------------------------

var (
	// Zones with DST or other changes worth walking over: 30-minute DST (Lord_Howe), DST at
	// midnight (Havana, Santiago, Asuncion, Beirut, Gaza, Cairo), negative DST (Dublin),
	// 2-hour DST (Troll), zones that dropped DST (Mexico_City, Tehran, Sao_Paulo), 45-minute
	// offsets (Chatham).
	dstZones = []string{
		"Europe/London", "Europe/Oslo", "Europe/Berlin", "Europe/Dublin", "Europe/Moscow",
		"Europe/Chisinau", "America/New_York", "America/Los_Angeles", "America/St_Johns",
		"America/Sao_Paulo", "America/Havana", "America/Santiago", "America/Asuncion",
		"America/Mexico_City", "America/Nuuk", "America/Ciudad_Juarez", "America/Caracas",
		"Australia/Lord_Howe", "Australia/Sydney", "Australia/Adelaide", "Pacific/Chatham",
		"Pacific/Auckland", "Asia/Tehran", "Asia/Gaza",
		"Asia/Beirut", "Asia/Pyongyang", "Africa/Cairo", "Africa/Casablanca", "Antarctica/Troll",
		"Africa/Monrovia", "EST5EDT", "CET",
	}
	// Zones that skipped a whole day (Kiritimati 1994-12-31, Apia 2011-12-30): robfig's Next can
	// spin for ever there, and the oracle needs a while to tell, so they come up rarely.
	skippedDayZones = []string{"Pacific/Kiritimati", "Pacific/Apia"}
	fixedZones      = []string{
		"Asia/Kolkata", "Asia/Kathmandu", "Asia/Tokyo", "Asia/Shanghai", "UTC", "Etc/UTC",
		"Etc/GMT+12", "Etc/GMT-14", "GMT", "GMT0", "Zulu", "UCT", "Universal",
	}
	// Names that exist in one tz database and not another (Go's embedded tzdata vs java.time's):
	// old three-letter zones, links, zones added recently, and the SystemV names IANA dropped.
	oddZones = []string{
		"EST", "MST", "HST", "GMT+0", "GMT-0", "ROC", "Factory", "US/Eastern", "US/Pacific",
		"Asia/Calcutta", "America/Coyhaique", "SystemV/EST5", "SystemV/AST4ADT", "Local",
	}
	// Names no tz database has, or that Go refuses (".." or a leading "/"), or that carry white
	// space (the prefix ends at the first space: "America/New York" loads "America/New").
	badZones = []string{
		"Europe/Olso", "+02:00", "GMT+2", "UTC+1", "utc", "europe/london", "Mars/Olympus",
		"America/New York", "../etc/passwd", "/etc/localtime", "Etc/GMT+15", "Europe/London ",
		" Europe/London", "Asia/Kolkata\t", "CET CEST", "EST5", "Z",
	}
)

func (g *generator) zone() string {
	switch r := g.r.intn(100); {
	case r < 10:
		return "" // spec.timezone unset: the controller's time.Local
	case r < 62:
		if g.r.chance(1) {
			return skippedDayZones[g.r.intn(len(skippedDayZones))]
		}
		return dstZones[g.r.intn(len(dstZones))]
	case r < 80:
		return fixedZones[g.r.intn(len(fixedZones))]
	case r < 92:
		return oddZones[g.r.intn(len(oddZones))]
	default:
		return badZones[g.r.intn(len(badZones))]
	}
}
