#!/bin/sh
# Run once by the postgres image when db's volume is first made (docker-compose.yml): the replica
# service (profile replica) connects as the database's owner to stream the WAL.
set -e
echo 'host replication all all scram-sha-256' >> "$PGDATA/pg_hba.conf"
