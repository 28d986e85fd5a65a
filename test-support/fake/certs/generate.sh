#!/bin/sh
# Regenerates the TEST-ONLY certificates the fake Azure/GitHub server uses.
#
# ca.pem          trust anchor for clients (NODE_EXTRA_CA_CERTS)
# server.pem      leaf for 127.0.0.1 / localhost, signed by ca.pem
# server-key.pem  the leaf's private key (committed on purpose: test-only)
#
# The CA key is thrown away once the leaf is signed, and the CA carries name
# constraints limited to localhost and 127.0.0.0/8: even a leaked copy of
# ca.pem in someone's trust store can never vouch for a real host.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Fixed validity window, backdated so a machine whose clock lags the one that
# generated the files still accepts them; ~30 years so they never expire.
start=20240101000000Z
end=20540101000000Z

cat >"$tmp/ca.cnf" <<EOF
[ca]
default_ca = fake
[fake]
dir = $tmp
database = $tmp/index.txt
new_certs_dir = $tmp
serial = $tmp/serial
default_md = sha256
policy = any
copy_extensions = none
unique_subject = no
[any]
commonName = supplied
[req]
distinguished_name = dn
prompt = no
[dn]
CN = defender-security-contact-check TEST-ONLY fake CA
[ca_ext]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
nameConstraints = critical, permitted;DNS:localhost, permitted;IP:127.0.0.0/255.0.0.0
[leaf_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
: >"$tmp/index.txt"
openssl rand -hex 16 >"$tmp/serial"

sign() {
  openssl ca -batch -notext -config "$tmp/ca.cnf" -startdate "$start" \
    -enddate "$end" "$@"
}

openssl ecparam -name prime256v1 -genkey -noout -out "$tmp/ca-key.pem"
openssl req -new -key "$tmp/ca-key.pem" -config "$tmp/ca.cnf" \
  -out "$tmp/ca.csr"
sign -selfsign -keyfile "$tmp/ca-key.pem" -extensions ca_ext \
  -in "$tmp/ca.csr" -out ca.pem

openssl ecparam -name prime256v1 -genkey -noout -out "$tmp/leaf-key.pem"
openssl pkcs8 -topk8 -nocrypt -in "$tmp/leaf-key.pem" -out server-key.pem
chmod 644 server-key.pem
openssl req -new -key server-key.pem -subj "/CN=127.0.0.1" -out "$tmp/leaf.csr"
sign -cert ca.pem -keyfile "$tmp/ca-key.pem" -extensions leaf_ext \
  -in "$tmp/leaf.csr" -out server.pem

openssl verify -CAfile ca.pem server.pem
