#!/bin/sh
# Writes infra/.env once (git-ignored, mode 0600): every shared secret of a Grove deployment, random.
# docker compose reads it for infra/compose*.yaml; the host-run distributed mode sources it (README).
set -eu
out="$(dirname "$0")/.env"
if [ -e "$out" ]; then echo "$out exists; not overwriting" >&2; exit 0; fi
umask 077
{
  for name in JWT_SECRET INTERNAL_TOKEN_SECRET APP_SECRET_ENCRYPTION_KEY SDK_RUNTIME_CACHE_KEY OBJECT_URL_SECRET \
    POSTGRES_PASSWORD MINIO_ROOT_PASSWORD BOOTSTRAP_ADMIN_PASSWORD; do
    echo "$name=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
  done
} > "$out"
echo "wrote $out"
