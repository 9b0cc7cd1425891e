# PostgreSQL 15 from Debian 12 for docker/compose.yaml, built from the same
# BASE as the Rapport image (no registry image is needed).  Its first start
# makes the cluster, the database rapport, the role rapport_app (LOGIN) and
# random passwords, handed to the other services as password files:
# docker/postgres-entrypoint.sh.
ARG BASE=debian:12
FROM ${BASE}
# No "main" cluster: the entrypoint makes its own in the volume.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      postgresql-common \
 && sed -ri 's/^#?[[:space:]]*create_main_cluster[[:space:]]*=.*/create_main_cluster = false/' \
      /etc/postgresql-common/createcluster.conf \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      postgresql-15 \
 && apt-get clean && rm -rf /var/lib/apt/lists/* \
 && install -d -o postgres -g postgres -m 700 /var/lib/postgresql/data \
 && install -d -o postgres -g postgres -m 2775 /run/postgresql \
 && install -d -m 755 /run/rapport/admin /run/rapport/app
COPY docker/postgres-entrypoint.sh /usr/local/bin/rapport-postgres
ENV PATH=/usr/lib/postgresql/15/bin:$PATH \
    PGDATA=/var/lib/postgresql/data
EXPOSE 5432
# Over TCP: the first start's set-up listens on the socket only, so this
# passes once the database and its roles are there.
HEALTHCHECK --interval=5s --timeout=5s --start-period=30s --retries=10 \
  CMD pg_isready -q -h 127.0.0.1 -U postgres -d rapport || exit 1
STOPSIGNAL SIGINT
# Starts as root to hand out the password files, then runs PostgreSQL as
# postgres.
ENTRYPOINT ["rapport-postgres"]
