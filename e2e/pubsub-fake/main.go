// pubsub-fake serves Google's in-memory Pub/Sub server, cloud.google.com/go/pubsub/pstest (the module Argo Events
// v1.9.10 itself links, at the same version), on loopback, for e2e/events.sh: Argo Events' gcppubsub EventSource
// reaches it through PUBSUB_EMULATOR_HOST. It creates one topic and one subscription on it, named as the caller
// says (from the program's plan), and answers on a small HTTP listener:
//
//	POST /publish   publishes the request body as one message on the topic; answers the message ID
//	GET  /state     JSON: the topics and subscriptions of the project, and every message with its
//	                deliveries and acknowledgements (pstest's own counts)
//
// It is a fake: no IAM, no authentication, no quotas; one process, state in memory.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"strings"

	"cloud.google.com/go/pubsub/apiv1/pubsubpb"
	"cloud.google.com/go/pubsub/pstest"
)

type state struct {
	Topics        []string          `json:"topics"`
	Subscriptions map[string]string `json:"subscriptions"` // subscription name -> its topic
	Messages      []message         `json:"messages"`
}

type message struct {
	ID         string `json:"id"`
	Topic      string `json:"topic"`
	Data       string `json:"data"`
	Deliveries int    `json:"deliveries"`
	Acks       int    `json:"acks"`
}

func main() {
	grpcAddr := flag.String("listen", "127.0.0.1:8085", "address of the Pub/Sub gRPC API (PUBSUB_EMULATOR_HOST)")
	httpAddr := flag.String("control", "127.0.0.1:8086", "address of the HTTP control listener")
	topic := flag.String("topic", "", "full topic name, projects/P/topics/T")
	sub := flag.String("subscription", "", "full subscription name, projects/P/subscriptions/S")
	flag.Parse()
	project, ok := projectOf(*topic, "topics")
	if _, subOK := projectOf(*sub, "subscriptions"); !ok || !subOK {
		log.Fatalf("-topic must be projects/P/topics/T and -subscription projects/P/subscriptions/S (got %q, %q)", *topic, *sub)
	}
	srv := pstest.NewServerWithAddress(*grpcAddr)
	defer srv.Close()
	ctx := context.Background()
	if _, err := srv.GServer.CreateTopic(ctx, &pubsubpb.Topic{Name: *topic}); err != nil {
		log.Fatalf("create topic %s: %v", *topic, err)
	}
	if _, err := srv.GServer.CreateSubscription(ctx, &pubsubpb.Subscription{Name: *sub, Topic: *topic}); err != nil {
		log.Fatalf("create subscription %s: %v", *sub, err)
	}
	http.HandleFunc("POST /publish", func(w http.ResponseWriter, r *http.Request) {
		data, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		fmt.Fprintln(w, srv.Publish(*topic, data, nil))
	})
	http.HandleFunc("GET /state", func(w http.ResponseWriter, r *http.Request) {
		s, err := read(ctx, srv, project)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(s)
	})
	log.Printf("pstest serving Pub/Sub on %s, control on %s; topic %s, subscription %s", srv.Addr, *httpAddr, *topic, *sub)
	log.Fatal(http.ListenAndServe(*httpAddr, nil))
}

// projectOf("projects/P/KIND/N", KIND) is P.
func projectOf(name, kind string) (string, bool) {
	parts := strings.Split(name, "/")
	ok := len(parts) == 4 && parts[0] == "projects" && parts[1] != "" && parts[2] == kind && parts[3] != ""
	if !ok {
		return "", false
	}
	return parts[1], true
}

func read(ctx context.Context, srv *pstest.Server, project string) (*state, error) {
	s := &state{Topics: []string{}, Subscriptions: map[string]string{}, Messages: []message{}}
	topics, err := srv.GServer.ListTopics(ctx, &pubsubpb.ListTopicsRequest{Project: "projects/" + project, PageSize: 1000})
	if err != nil {
		return nil, err
	}
	for _, t := range topics.Topics {
		s.Topics = append(s.Topics, t.Name)
	}
	subs, err := srv.GServer.ListSubscriptions(ctx, &pubsubpb.ListSubscriptionsRequest{Project: "projects/" + project, PageSize: 1000})
	if err != nil {
		return nil, err
	}
	for _, sub := range subs.Subscriptions {
		s.Subscriptions[sub.Name] = sub.Topic
	}
	for _, m := range srv.Messages() {
		s.Messages = append(s.Messages, message{ID: m.ID, Topic: m.Topic, Data: string(m.Data), Deliveries: m.Deliveries, Acks: m.Acks})
	}
	return s, nil
}
