.PHONY: run test lint setup
run:
	@scripts/vip run
test:
	@scripts/vip test
lint:
	@scripts/vip lint
setup:
	@scripts/vip setup
