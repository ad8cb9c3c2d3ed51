import type { ReactNode } from 'react';
import { Typography } from 'antd';

/** A page's heading (an h2, so tests and screen readers find it by name) and optional actions. */
export function PageTitle({ title, extra, subtitle }: { title: string; extra?: ReactNode; subtitle?: ReactNode }) {
  return (
    <div className="page-title">
      <div>
        <Typography.Title level={2} className="page-title-text">
          {title}
        </Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
      {extra ? <div className="page-title-extra">{extra}</div> : null}
    </div>
  );
}
