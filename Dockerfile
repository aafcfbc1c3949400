# syntax=docker/dockerfile:1
# Build: docker build -t sideguy .
# Run:   docker run -p 8080:8080 -v sideguy-data:/data --env-file sideguy.env sideguy

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# A static binary: no cgo, nothing from the build image needed at run time.
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/sideguy ./cmd/sideguy \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/sideguy /usr/local/bin/sideguy
COPY --from=build --chown=65532:65532 /out/data /data
ENV SIDEGUY_DATA_DIR=/data \
    SIDEGUY_ADDR=:8080
VOLUME ["/data"]
EXPOSE 8080
USER 65532:65532
# No curl in the image: the binary checks its own /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["/usr/local/bin/sideguy", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/sideguy"]
CMD ["serve"]
