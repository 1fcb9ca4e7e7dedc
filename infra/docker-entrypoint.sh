#!/bin/sh
# The one entry point of the Grove image: starts the router or one subgraph.
#   docker run grove router            (default; PORT, 4000)
#   docker run grove account           (or license, app-manage, domain, sdk, rule-engine; <NAME>_PORT)
# The service may also come from GROVE_SERVICE. Every variable is read by the service's own zod schema;
# this script only picks the entry file, binds to all interfaces unless HOST / <NAME>_HOST says
# otherwise, and leaves the health URL where the image's HEALTHCHECK finds it.
set -eu

usage() {
  echo "usage: docker-entrypoint.sh router|account|license|app-manage|domain|sdk|rule-engine" >&2
}

service="${1:-${GROVE_SERVICE:-router}}"
case "$service" in
  router)      main=router/src/main.ts;                 prefix=;            port="${PORT:-4000}" ;;
  account)     main=subgraphs/account/src/main.ts;      prefix=ACCOUNT;     port="${ACCOUNT_PORT:-4101}" ;;
  license)     main=subgraphs/license/src/main.ts;      prefix=LICENSE;     port="${LICENSE_PORT:-4102}" ;;
  app-manage)  main=subgraphs/app-manage/src/main.ts;   prefix=APP_MANAGE;  port="${APP_MANAGE_PORT:-4103}" ;;
  domain)      main=subgraphs/domain/src/main.ts;       prefix=DOMAIN;      port="${DOMAIN_PORT:-4104}" ;;
  sdk)         main=subgraphs/sdk/src/main.ts;          prefix=SDK;         port="${SDK_PORT:-4105}" ;;
  rule-engine) main=subgraphs/rule-engine/src/main.ts;  prefix=RULE_ENGINE; port="${RULE_ENGINE_PORT:-4106}" ;;
  -h|--help|help) usage; exit 0 ;;
  *) echo "unknown service: $service" >&2; usage; exit 64 ;;
esac

# Services default to loopback (safe on a laptop); in a container they must answer on the pod/network address.
if [ -z "$prefix" ]; then
  export HOST="${HOST:-0.0.0.0}"
else
  host_var="${prefix}_HOST"
  eval "export ${host_var}=\"\${${host_var}:-0.0.0.0}\""
fi

printf 'http://127.0.0.1:%s/healthz\n' "$port" > "${TMPDIR:-/tmp}/grove-healthz-url"
exec node -r @swc-node/register "$main"
