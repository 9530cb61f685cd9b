module argo-gke.dev/e2e/oracles/cron

go 1.24

require github.com/robfig/cron/v3 v3.0.1
