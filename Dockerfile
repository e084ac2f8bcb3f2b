# Bearing in a container (docs/install.md, "Container image"):
#
#   docker build -t bearing .
#   docker run --rm -v "$PWD:/kb" bearing check
#
# Two stages. The first builds the release tarball with `make dist` on the official Swift
# image (the Swift runtime and Foundation linked statically, cmark-gfm's shared libraries in
# lib/ beside the binary). The second unpacks it on plain Ubuntu with git, which Bearing reads
# history with: no toolchain, no compiler. Both are Ubuntu 24.04, so the binary finds the C
# library it was linked against. Build from a git clone: `make dist` names the version after
# the latest tag and stamps the commit.

# The toolchain Bearing is developed and tested with (Package.swift asks for 6.0 or newer).
ARG SWIFT_VERSION=6.3
ARG UBUNTU_VERSION=24.04

FROM swift:${SWIFT_VERSION}-noble AS build
# The Makefile's APT_PACKAGES (and make), so that `make dist` has nothing left to install.
# Unpinned: the archive keeps one version of each, and a pin would break with its next update.
# hadolint ignore=DL3008
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      libcmark-gfm-dev cmark-gfm git make python3 shellcheck \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# One folder, bearing-<version>-linux-<arch>/, renamed to a name the next stage knows.
RUN make dist \
 && mkdir /out \
 && tar -xzf dist/bearing-*-linux-*.tar.gz -C /out \
 && mv /out/bearing-*-linux-* /out/bearing \
 && /out/bearing/bin/bearing --version

FROM ubuntu:${UBUNTU_VERSION} AS runtime
# hadolint ignore=DL3008
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends git \
 && rm -rf /var/lib/apt/lists/* \
 && git config --system --add safe.directory '*' \
 && groupadd --gid 10001 bearing \
 && useradd --create-home --uid 10001 --gid 10001 --shell /usr/sbin/nologin bearing
# git refuses to read a repository owned by another user (the mounted one usually is): the
# system-wide safe.directory above lets Bearing read its history whoever runs the container.
# The folder stays whole: the binary finds its lib/ through an $ORIGIN run path.
COPY --from=build /out/bearing /opt/bearing
RUN ln -s /opt/bearing/bin/bearing /usr/local/bin/bearing
# By number, so that a runtime can tell it is not root without reading /etc/passwd.
USER 10001:10001
WORKDIR /kb
ENTRYPOINT ["bearing"]
CMD ["--help"]
