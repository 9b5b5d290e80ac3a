import { Component, type ReactNode } from 'react';
import RouteError from './routes/route-error';

/**
 * Catches a page that fails to load (its chunk offline) or to render, and shows `RouteError` in its
 * place; the next navigation (`resetKey`) tries again. Declarative routing has no `errorElement`.
 */
export class RouteErrorBoundary extends Component<{ resetKey?: string; children: ReactNode }, { error: unknown }> {
  override state = { error: undefined as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('unknown') };
  }

  override componentDidUpdate(previous: { resetKey?: string }) {
    if (this.state.error !== undefined && previous.resetKey !== this.props.resetKey) this.setState({ error: undefined });
  }

  override render() {
    return this.state.error === undefined ? this.props.children : <RouteError error={this.state.error} />;
  }
}
