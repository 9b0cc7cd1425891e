# nginx from Debian 12 for docker/compose.yaml, built from the same BASE as
# the Rapport image (no registry image is needed), with docker/nginx.conf.
ARG BASE=debian:12
FROM ${BASE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      nginx \
 && apt-get clean && rm -rf /var/lib/apt/lists/* \
      /etc/nginx/sites-enabled/default
COPY docker/nginx.conf /etc/nginx/nginx.conf
EXPOSE 8080
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
