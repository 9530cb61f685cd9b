// Command cron-oracle answers, for each input line, what Argo's workflow controller computes for a
// CronWorkflow schedule: the robfig/cron v3.0.1 parse result and the next run time.
//
// Input, one triple a line:  schedule <TAB> zone <TAB> instant
//
//   - schedule: one entry of spec.schedules, escaped (see unescape: \t \n \r \v \f \\ \uXXXX)
//   - zone:     spec.timezone, escaped the same way; empty when unset
//   - instant:  RFC 3339 (fractional seconds allowed) or unix seconds (optionally with a fraction)
//
// Output, one line per input line:
//
//	next <TAB> <unix seconds>[+<n>ns] <TAB> <RFC 3339 in the returned location>
//	never                                      (robfig returns the zero time: no run within 5 years)
//	reject <TAB> <category> <TAB> <robfig's error message>
//	panic <TAB> <message>                      (robfig panics while parsing)
//	input-error <TAB> <message>                (the line itself is malformed)
//	hang                                       (Next does not return; see below)
//
// robfig's SpecSchedule.Next never returns for some inputs: when a whole local day is skipped
// (Pacific/Kiritimati 1994-12-31, Pacific/Apia 2011-12-30), time.Date maps the skipped midnight
// back to the midnight before, so t.AddDate(0, 0, 1) does not move and spec.go's day loop spins.
// We run Next in a goroutine and call it a hang when, after 0.3 s of CPU, it is still in that
// day loop (spec.go lines 117-136 at v3.0.1) five samples in a row: a call that returns spends
// well under a millisecond there (at most one step per day of its five years), while the slowest
// ones that return (an empty minute field: five years minute by minute, about 1.5 s) are in the
// minute loop. Any call still running after 30 s of CPU is a hang too. A goroutine cannot be
// stopped, so on a hang we print "hang", flush and exit with status 3; the caller starts us
// again on the lines after it.
package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
	_ "time/tzdata" // as Argo's cmd/workflow-controller/main.go does

	"github.com/robfig/cron/v3"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()
	for in.Scan() {
		line, hung := answer(in.Text())
		fmt.Fprintln(out, line)
		if hung {
			out.Flush()
			os.Exit(3)
		}
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "cron-oracle:", err)
		os.Exit(2)
	}
}

// answer is the output line for one input line, and whether robfig hung on it.
func answer(line string) (string, bool) {
	text, instant, sched := parseLine(line)
	if sched == nil {
		return text, false
	}
	t, hung := nextOrHang(sched, instant)
	switch {
	case hung:
		return "hang", true
	case t.IsZero():
		return "never", false
	}
	return "next\t" + unixText(t) + "\t" + t.Format(time.RFC3339Nano), false
}

const (
	sampleEvery  = 20 * time.Millisecond
	suspectAfter = 300 * time.Millisecond // of CPU time, so a busy machine does not fake a hang
	giveUpAfter  = 30 * time.Second
	samplesInDay = 5
)

func nextOrHang(sched cron.Schedule, t time.Time) (time.Time, bool) {
	done := make(chan time.Time, 1)
	start := cpuTime()
	go func() { done <- sched.Next(t) }()
	tick := time.NewTicker(sampleEvery)
	defer tick.Stop()
	inDayLoop := 0
	for {
		select {
		case next := <-done:
			return next, false
		case <-tick.C:
			used := cpuTime() - start
			if used > suspectAfter && inRobfigDayLoop() {
				inDayLoop++
			} else {
				inDayLoop = 0
			}
			if inDayLoop >= samplesInDay || used > giveUpAfter {
				return time.Time{}, true
			}
		}
	}
}

// dayLoopFrame matches SpecSchedule.Next's frame while it runs lines 117-136 of spec.go v3.0.1.
var dayLoopFrame = regexp.MustCompile(`cron/v3\.\(\*SpecSchedule\)\.Next\([^\n]*\n\t[^\n]*/spec\.go:(11[7-9]|12[0-9]|13[0-6]) `)

func inRobfigDayLoop() bool {
	buf := make([]byte, 1<<16)
	return dayLoopFrame.Match(buf[:runtime.Stack(buf, true)])
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// parseLine returns the parsed schedule and the instant (in time.Local) to ask it about, or the
// answer line when there is nothing to ask.
func parseLine(line string) (string, time.Time, cron.Schedule) {
	parts := strings.Split(line, "\t")
	if len(parts) != 3 {
		return "input-error\texpected 3 tab-separated fields, found " + strconv.Itoa(len(parts)), time.Time{}, nil
	}
	schedule, err1 := unescape(parts[0])
	zone, err2 := unescape(parts[1])
	instant, err3 := parseInstant(parts[2])
	for _, err := range []error{err1, err2, err3} {
		if err != nil {
			return "input-error\t" + oneLine(err.Error()), time.Time{}, nil
		}
	}
	spec := schedule
	if zone != "" { // withTimezone
		spec = "CRON_TZ=" + zone + " " + schedule
	}
	sched, err, panicked := parse(spec)
	switch {
	case panicked != "":
		return "panic\t" + oneLine(panicked), time.Time{}, nil
	case err != nil:
		return "reject\t" + category(err.Error()) + "\t" + oneLine(err.Error()), time.Time{}, nil
	}
	return "", instant.In(time.Local), sched
}

func parse(spec string) (s cron.Schedule, err error, panicked string) {
	defer func() {
		if r := recover(); r != nil {
			panicked = fmt.Sprint(r)
		}
	}()
	s, err = cron.ParseStandard(spec)
	return s, err, ""
}

// category sorts robfig v3.0.1's error messages (parser.go) into the few kinds both sides compare.
func category(message string) string {
	switch {
	case strings.HasPrefix(message, "empty spec string"):
		return "empty"
	case strings.HasPrefix(message, "provided bad location"):
		return "zone"
	case strings.HasPrefix(message, "expected exactly"):
		return "fields"
	case strings.HasPrefix(message, "unrecognized descriptor"):
		return "descriptor"
	case strings.HasPrefix(message, "failed to parse duration"):
		return "duration"
	default: // failed to parse int, negative number, range bounds, too many hyphens/slashes, step
		return "value"
	}
}

func parseInstant(text string) (time.Time, error) {
	if text != "" && (text[0] == '-' || (text[0] >= '0' && text[0] <= '9')) && !strings.Contains(text, "T") {
		whole, fraction, _ := strings.Cut(text, ".")
		seconds, err := strconv.ParseInt(whole, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("instant %q: %v", text, err)
		}
		nanos := int64(0)
		if fraction != "" {
			padded := (fraction + "000000000")[:9]
			if nanos, err = strconv.ParseInt(padded, 10, 64); err != nil {
				return time.Time{}, fmt.Errorf("instant %q: %v", text, err)
			}
			if strings.HasPrefix(whole, "-") {
				nanos = -nanos
			}
		}
		return time.Unix(seconds, nanos), nil
	}
	return time.Parse(time.RFC3339Nano, text)
}

func unixText(t time.Time) string {
	// Run times are whole seconds (spec.go and constantdelay.go drop the fraction); say so if not.
	s := strconv.FormatInt(t.Unix(), 10)
	if n := t.Nanosecond(); n != 0 {
		s += "+" + strconv.Itoa(n) + "ns"
	}
	return s
}

// unescape reverses the generator's escaping: \t \n \r \v \f \\ and \uXXXX.
func unescape(s string) (string, error) {
	if !strings.Contains(s, `\`) {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 >= len(s) {
			return "", fmt.Errorf("dangling backslash in %q", s)
		}
		i++
		switch s[i] {
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 'v':
			b.WriteByte('\v')
		case 'f':
			b.WriteByte('\f')
		case '\\':
			b.WriteByte('\\')
		case 'u':
			if i+4 >= len(s) {
				return "", fmt.Errorf("short \\u escape in %q", s)
			}
			r, err := strconv.ParseUint(s[i+1:i+5], 16, 32)
			if err != nil {
				return "", fmt.Errorf("bad \\u escape in %q", s)
			}
			b.WriteRune(rune(r))
			i += 4
		default:
			return "", fmt.Errorf("unknown escape \\%c in %q", s[i], s)
		}
	}
	return b.String(), nil
}

func oneLine(s string) string {
	return strings.NewReplacer("\n", `\n`, "\t", `\t`, "\r", `\r`).Replace(s)
}
