// Command envoy-bootstrap-check reads Envoy bootstrap files (YAML or JSON) and checks them against
// Envoy's own API definitions, as Envoy does when it loads a bootstrap: the YAML is turned into
// JSON and parsed into envoy.config.bootstrap.v3.Bootstrap (unknown fields and enum names are
// errors), every typed_config (google.protobuf.Any) is unpacked into its message, and every
// message is checked against the protoc-gen-validate rules of its .proto (ValidateAll). A field or
// enum value Envoy marks as deprecated is an error too: Envoy warns on them and refuses some.
//
// The API definitions are github.com/envoyproxy/go-control-plane/envoy v1.40.0, generated from
// Envoy 1.40's API (envoyproxy/envoy api/, the release whose image argo-gke runs). Envoy itself
// cannot run here (no container runtime, and no package registry reachable here ships it).
//
// Usage: envoy-bootstrap-check FILE...; exit status 1 and one line per problem when a file fails.
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	bootstrapv3 "github.com/envoyproxy/go-control-plane/envoy/config/bootstrap/v3"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/types/descriptorpb"
	"google.golang.org/protobuf/types/known/anypb"
	"sigs.k8s.io/yaml"

	// The extensions argo-gke's bootstrap names in typed_config: importing a package registers
	// its messages, so protojson can resolve the Any's @type (as Envoy's own registry does).
	_ "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/health_check/v3"
	_ "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/jwt_authn/v3"
	_ "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/rbac/v3"
	_ "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/http/router/v3"
	_ "github.com/envoyproxy/go-control-plane/envoy/extensions/filters/network/http_connection_manager/v3"
	_ "github.com/envoyproxy/go-control-plane/envoy/extensions/transport_sockets/tls/v3"
)

type validator interface{ ValidateAll() error }

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: envoy-bootstrap-check FILE...")
		os.Exit(2)
	}
	failed := false
	for _, file := range os.Args[1:] {
		if problems := check(file); len(problems) > 0 {
			failed = true
			for _, p := range problems {
				fmt.Printf("%s: %s\n", file, p)
			}
		} else {
			fmt.Printf("%s: a valid envoy.config.bootstrap.v3.Bootstrap\n", file)
		}
	}
	if failed {
		os.Exit(1)
	}
}

func check(file string) []string {
	text, err := os.ReadFile(file)
	if err != nil {
		return []string{err.Error()}
	}
	json, err := yaml.YAMLToJSON(text)
	if err != nil {
		return []string{"not YAML: " + err.Error()}
	}
	var bootstrap bootstrapv3.Bootstrap
	// DiscardUnknown false: an unknown field is an error, as in Envoy's static bootstrap.
	if err := (protojson.UnmarshalOptions{}).Unmarshal(json, &bootstrap); err != nil {
		return []string{"not a Bootstrap: " + err.Error()}
	}
	var problems []string
	validate(bootstrap.ProtoReflect(), "", &problems)
	walk(bootstrap.ProtoReflect(), "", &problems)
	return problems
}

// validate checks m against its protoc-gen-validate rules. The generated ValidateAll descends into
// nested messages but not into an Any's content, which Envoy validates when it loads the
// extension: so it runs on the root and on each unpacked Any.
func validate(m protoreflect.Message, path string, problems *[]string) {
	v, ok := m.Interface().(validator)
	if !ok {
		*problems = append(*problems, at(path)+string(m.Descriptor().FullName())+" has no validation rules compiled in")
		return
	}
	if err := v.ValidateAll(); err != nil {
		for _, e := range flatten(err) {
			*problems = append(*problems, at(path)+string(m.Descriptor().FullName())+": "+e)
		}
	}
}

// walk looks at everything below m for deprecated fields and values, unpacking each Any.
func walk(m protoreflect.Message, path string, problems *[]string) {
	m.Range(func(fd protoreflect.FieldDescriptor, value protoreflect.Value) bool {
		here := path + "." + string(fd.Name())
		deprecated(fd, value, here, problems)
		switch {
		case fd.IsList() && fd.Message() != nil:
			list := value.List()
			for i := 0; i < list.Len(); i++ {
				child(list.Get(i).Message(), fmt.Sprintf("%s[%d]", here, i), problems)
			}
		case fd.IsMap() && fd.MapValue().Message() != nil:
			value.Map().Range(func(k protoreflect.MapKey, v protoreflect.Value) bool {
				child(v.Message(), fmt.Sprintf("%s[%v]", here, k.Interface()), problems)
				return true
			})
		case !fd.IsList() && !fd.IsMap() && fd.Message() != nil:
			child(value.Message(), here, problems)
		}
		return true
	})
}

func child(m protoreflect.Message, path string, problems *[]string) {
	if m.Descriptor().FullName() != "google.protobuf.Any" {
		walk(m, path, problems)
		return
	}
	any := m.Interface().(*anypb.Any)
	inner, err := any.UnmarshalNew()
	if err != nil {
		*problems = append(*problems, at(path)+"typed_config "+any.GetTypeUrl()+": "+err.Error())
		return
	}
	here := path + "<" + string(inner.ProtoReflect().Descriptor().FullName()) + ">"
	validate(inner.ProtoReflect(), here, problems)
	walk(inner.ProtoReflect(), here, problems)
}

// deprecated reports a set field, or an enum value, that the .proto marks deprecated.
func deprecated(fd protoreflect.FieldDescriptor, value protoreflect.Value, path string, problems *[]string) {
	if opts, ok := fd.Options().(*descriptorpb.FieldOptions); ok && opts.GetDeprecated() {
		*problems = append(*problems, at(path)+"deprecated field "+string(fd.FullName()))
	}
	if fd.Enum() == nil || fd.IsList() || fd.IsMap() {
		return
	}
	if ev := fd.Enum().Values().ByNumber(value.Enum()); ev != nil {
		if opts, ok := ev.Options().(*descriptorpb.EnumValueOptions); ok && opts.GetDeprecated() {
			*problems = append(*problems, at(path)+"deprecated enum value "+string(ev.FullName()))
		}
	}
}

func at(path string) string {
	if path == "" {
		return ""
	}
	return strings.TrimPrefix(path, ".") + ": "
}

// flatten splits ValidateAll's multi-error into its messages.
func flatten(err error) []string {
	var multi interface{ AllErrors() []error }
	if errors.As(err, &multi) {
		var out []string
		for _, e := range multi.AllErrors() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []string{err.Error()}
}
