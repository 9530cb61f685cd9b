// Command events-oracle answers, for each EventSource and Sensor in the YAML files it is given, what Argo Events
// v1.9.10 itself says of it: the strict decoding of the document into Argo Events' Go types, then the validation
// its controller runs before starting the object (pkg/reconciler/eventsource ValidateEventSource,
// pkg/reconciler/sensor ValidateSensor). The decoding is the controller's, made strict: its client reads objects
// with k8s.io/apimachinery's JSON serializer (v0.32.2 pkg/runtime/serializer/json/json.go), which matches field
// names case-sensitively (sigs.k8s.io/json) and drops unknown ones; sigs.k8s.io/json UnmarshalStrict reports them. One line per
// document: FILE<TAB>INDEX<TAB>KIND/NAME<TAB>refused|accepted<TAB>MESSAGE. Other kinds are not printed.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strings"

	aev1 "github.com/argoproj/argo-events/pkg/apis/events/v1alpha1"
	"github.com/argoproj/argo-events/pkg/reconciler/eventsource"
	"github.com/argoproj/argo-events/pkg/reconciler/sensor"
	kjson "sigs.k8s.io/json"
	"sigs.k8s.io/yaml"
)

func main() {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for _, file := range os.Args[1:] {
		data, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		for i, doc := range documents(data) {
			if line := answer(doc); line != "" {
				fmt.Fprintf(out, "%s\t%d\t%s\n", file, i, line)
			}
		}
	}
}

// documents splits a YAML stream at its "---" lines (the fixtures and examples have no block scalars holding one).
func documents(data []byte) [][]byte {
	var docs [][]byte
	var current bytes.Buffer
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if strings.TrimRight(line, " \r\n") == "---" {
			docs = append(docs, bytes.Clone(current.Bytes()))
			current.Reset()
			continue
		}
		current.WriteString(line)
	}
	return append(docs, current.Bytes())
}

func answer(doc []byte) string {
	var head struct {
		Kind     string `json:"kind"`
		Metadata struct {
			Name string `json:"name"`
		} `json:"metadata"`
	}
	if err := yaml.Unmarshal(doc, &head); err != nil || (head.Kind != "EventSource" && head.Kind != "Sensor") {
		return ""
	}
	id := head.Kind + "/" + head.Metadata.Name
	data, err := yaml.YAMLToJSON(doc)
	if err != nil {
		return id + "\trefused\t" + err.Error()
	}
	if head.Kind == "EventSource" {
		var es aev1.EventSource
		if err = strict(data, &es); err == nil {
			err = eventsource.ValidateEventSource(&es)
		}
	} else {
		var s aev1.Sensor
		if err = strict(data, &s); err == nil {
			// The EventBus the program installs is JetStream; with NATS (STAN) one more rule applies.
			err = sensor.ValidateSensor(&s, &aev1.EventBus{Spec: aev1.EventBusSpec{JetStream: &aev1.JetStreamBus{}}})
		}
	}
	if err != nil {
		return id + "\trefused\t" + strings.ReplaceAll(err.Error(), "\n", " ")
	}
	return id + "\taccepted\t"
}

// strict decodes like the controller's client, and refuses what it would drop or cannot read.
func strict(data []byte, into any) error {
	problems, err := kjson.UnmarshalStrict(data, into)
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return fmt.Errorf("strict decoding: %v", problems)
	}
	return nil
}
