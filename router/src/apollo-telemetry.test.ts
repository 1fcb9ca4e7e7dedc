import * as gatewayTelemetry from '@apollo/gateway/dist/utilities/opentelemetry';
import { startTestRouter } from './test-support/router-harness';

/**
 * @apollo/gateway's constructor probes cloud metadata endpoints and starts an hourly OTLP export of this host's facts to
 * Apollo's usage-reporting endpoint unless APOLLO_TELEMETRY_DISABLED is set. A private deployment must not call out: the router hands the gateway its
 * own setting (default: disabled) before constructing it.
 */
describe("@apollo/gateway's telemetry to Apollo", () => {
  afterEach(() => jest.restoreAllMocks());

  it('is not started by default', async () => {
    const exporter = jest.spyOn(gatewayTelemetry, 'createDataCollectionExporter');
    const router = await startTestRouter({ env: {} });
    try {
      expect(exporter).not.toHaveBeenCalled();
    } finally {
      await router.close();
    }
  });

  it('starts only when an operator opts in with APOLLO_TELEMETRY_DISABLED=false', async () => {
    const exporter = jest
      .spyOn(gatewayTelemetry, 'createDataCollectionExporter')
      // The test itself must not call out (the real one also probes cloud metadata endpoints): only what the gateway uses.
      .mockImplementation(
        () =>
          ({ shutdown: async () => undefined }) as ReturnType<
            typeof gatewayTelemetry.createDataCollectionExporter
          >,
      );
    const router = await startTestRouter({ env: { APOLLO_TELEMETRY_DISABLED: 'false' } });
    try {
      expect(exporter).toHaveBeenCalledTimes(1);
    } finally {
      await router.close();
    }
  });
});
