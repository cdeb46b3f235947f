.PHONY: run test test-upgrade lint setup load
run:
	@scripts/vip run
test:
	@scripts/vip test
test-upgrade:
	@scripts/vip test-upgrade
lint:
	@scripts/vip lint
setup:
	@scripts/vip setup
load:
	@scripts/vip load
