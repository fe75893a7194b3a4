#!/usr/bin/env bash
# Creates the development identity provider's RSA key pair (once) in the given directory:
# jwt-private.pem signs development tokens (deploy/mint-token.sh), jwt-public.pem is what
# application-service verifies with. In production the public key comes from the real identity
# provider (a Kubernetes Secret or its JWKS URL) and no private key exists on the cluster.
set -euo pipefail
dir=${1:-$(cd "$(dirname "$0")" && pwd)/.local/keys}
mkdir -p "$dir"
if [ ! -f "$dir/jwt-private.pem" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/jwt-private.pem" 2>/dev/null
  chmod 600 "$dir/jwt-private.pem"
  openssl pkey -in "$dir/jwt-private.pem" -pubout -out "$dir/jwt-public.pem"
  echo "created development JWT keys in $dir"
fi
