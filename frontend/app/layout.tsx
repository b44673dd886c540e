import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Todo Platform",
  description: "Tasks, by hand or by asking the assistant.",
};

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body className="font-sans antialiased">{children}</body>
    </html>
  );
}
