package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/sideguy/sideguy-text/internal/assistant"
	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/gsm"
)

// askResult is what `sideguy ask --json` prints.
type askResult struct {
	Action    domain.Action `json:"action"`
	Reply     string        `json:"reply"`
	Entry     string        `json:"entry,omitempty"`
	Score     float64       `json:"score"`
	Reason    string        `json:"reason"`
	Candidate string        `json:"candidate,omitempty"`
	Encoding  gsm.Encoding  `json:"encoding"`
	Segments  int           `json:"segments"`
}

// ask runs the line's decision on one question: no HTTP, Twilio or database.
func (m *Main) ask(args []string) error {
	fl := flag.NewFlagSet("ask", flag.ContinueOnError)
	fl.SetOutput(m.Stderr)
	asJSON := fl.Bool("json", false, "print the decision as JSON")
	dir := fl.String("knowledge", m.env("SIDEGUY_KNOWLEDGE_DIR", ""), "load knowledge files from this directory")
	readTuning := m.tuningFlags(fl)
	if err := fl.Parse(args); err != nil {
		return err
	}
	tu, err := readTuning()
	if err != nil {
		return err
	}
	question := strings.Join(fl.Args(), " ")
	if strings.TrimSpace(question) == "" {
		return errors.New(`give a question: sideguy ask "how much do soc 2 and iso 27001 overlap?"`)
	}
	eng, err := loadEngine(*dir, tu)
	if err != nil {
		return err
	}
	defer eng.Close()
	dec, err := eng.decider.Turn(question, domain.Context{})
	if err != nil {
		return err
	}
	reply := assistant.Reply(dec)
	if !*asJSON {
		fmt.Fprintln(m.Stdout, reply)
		return nil
	}
	info := gsm.Measure(reply)
	res := askResult{Action: dec.Action, Reply: reply, Score: dec.Score, Reason: dec.Reason,
		Candidate: dec.Candidate, Encoding: info.Encoding, Segments: info.Segments}
	if dec.Action == domain.ActionAnswer && dec.Entry != nil {
		res.Entry = strings.Join(dec.AnsweredIDs(), ",")
	}
	return m.printJSON(res)
}
